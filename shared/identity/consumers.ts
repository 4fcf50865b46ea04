/** The identity feature's event consumers (see ConsumerDeclaration in shared/kit/events/consumer.ts). */
import { defineConsumer } from '../kit/events/consumer';

export const userDataEraser = defineConsumer({
  function: 'user-data-eraser',
  entry: 'functions/events/user-data-eraser.ts',
  functionDescription: "Deletes every item of a deleted user's partition, and their files",
  events: ['UserDeleted'],
  rule: { id: 'erase-user-data', description: "A deleted user's items are removed" },
  grants: { table: 'readWrite', files: 'erase' },
  timeoutSeconds: 300,
});

export const identityConsumers = [userDataEraser] as const;
