/** The notification routes, declared once (shared/kit/http/operation.ts). */

import { defineOperation } from '../kit/http/operation';
import { pageOf } from '../kit/http/response-schemas';
import { notificationListQuery, notificationView } from './views';

export const notificationsList = defineOperation({
  function: 'notifications-list',
  feature: 'notifications',
  entry: 'functions/api/notifications/list.ts',
  method: 'GET',
  path: '/v1/notifications',
  auth: 'user',
  functionDescription: "Lists the caller's notification log",
  summary: "List the caller's notifications, newest first",
  description: 'Every email Moneta sent, failed to send or suppressed (preference, hourly cap), with its status.',
  grants: { table: 'read' },
  request: { query: notificationListQuery },
  response: { status: 200, description: 'A page of notifications', schema: () => pageOf(notificationView()) },
});

export const notificationsOperations = [notificationsList] as const;
