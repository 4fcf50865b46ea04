/** The webhook routes, declared once (shared/kit/http/operation.ts). */

import { idPath } from '../kit/http/fields';
import { defineOperation, ifMatchHeader, noParams } from '../kit/http/operation';
import { pageOf } from '../kit/http/response-schemas';
import {
  deliveryListQuery,
  deliveryPath,
  noBody,
  webhookCreateSchema,
  webhookListQuery,
  webhookPatchSchema,
} from './schemas';
import { createdWebhookView, deliveryView, pingView, rotatedSecretView, webhookView } from './views';

const feature = 'webhooks';

export const webhooksCreate = defineOperation({
  function: 'webhooks-create',
  feature,
  entry: 'functions/api/webhooks/create.ts',
  method: 'POST',
  path: '/v1/webhooks',
  auth: 'user',
  functionDescription: 'Registers a webhook and makes its signing secret',
  summary: 'Register a webhook: a URL told of the events it subscribes to, each delivery signed',
  description:
    'The URL must be https and reach a public address (private, loopback, link-local, CGNAT, multicast and metadata addresses are refused, after resolving the host name). The signing secret (Standard Webhooks, `whsec_…`) is made here and shown in this response only, or brought by the caller (`secret`) and never shown back; either is stored encrypted.',
  grants: { table: 'readWrite', webhooks: true, webhookKeys: true },
  request: { body: webhookCreateSchema, query: noParams },
  response: {
    status: 201,
    description: 'The webhook, with its secret',
    schema: () => createdWebhookView(),
    etag: true,
    location: true,
  },
  problems: [{ status: 422, description: 'The URL is not an allowed target, or the user has 10 webhooks already' }],
});

export const webhooksList = defineOperation({
  function: 'webhooks-list',
  feature,
  entry: 'functions/api/webhooks/list.ts',
  method: 'GET',
  path: '/v1/webhooks',
  auth: 'user',
  functionDescription: "Lists the caller's webhooks",
  summary: "List the caller's webhooks",
  grants: { table: 'read' },
  request: { query: webhookListQuery },
  response: { status: 200, description: 'A page of webhooks', schema: () => pageOf(webhookView()) },
});

export const webhooksGet = defineOperation({
  function: 'webhooks-get',
  feature,
  entry: 'functions/api/webhooks/get.ts',
  method: 'GET',
  path: '/v1/webhooks/{id}',
  auth: 'user',
  functionDescription: 'Reads a webhook',
  summary: 'Read a webhook (never its secret)',
  grants: { table: 'read' },
  request: { path: idPath, query: noParams },
  response: { status: 200, description: 'The webhook', schema: () => webhookView(), etag: true },
  problems: [404],
});

export const webhooksUpdate = defineOperation({
  function: 'webhooks-update',
  feature,
  entry: 'functions/api/webhooks/update.ts',
  method: 'PATCH',
  path: '/v1/webhooks/{id}',
  auth: 'user',
  functionDescription: "Changes a webhook's URL, events or description, or enables it again",
  summary: "Change a webhook's URL, events, description, or enable/pause it",
  grants: { table: 'readWrite', webhooks: true },
  request: { path: idPath, body: webhookPatchSchema, query: noParams, headers: { 'if-match': ifMatchHeader } },
  response: { status: 200, description: 'The changed webhook', schema: () => webhookView(), etag: true },
  problems: [404, 412, 422],
});

export const webhooksDelete = defineOperation({
  function: 'webhooks-delete',
  feature,
  entry: 'functions/api/webhooks/delete.ts',
  method: 'DELETE',
  path: '/v1/webhooks/{id}',
  auth: 'user',
  functionDescription: 'Deletes a webhook',
  summary: 'Delete a webhook: nothing more is delivered to it',
  grants: { table: 'readWrite' },
  request: { path: idPath, query: noParams },
  response: { status: 204, description: 'Deleted' },
  problems: [404],
});

export const webhooksRotateSecret = defineOperation({
  function: 'webhooks-rotate-secret',
  feature,
  entry: 'functions/api/webhooks/rotate-secret.ts',
  method: 'POST',
  path: '/v1/webhooks/{id}/rotate-secret',
  auth: 'user',
  functionDescription: "Replaces a webhook's signing secret, the old one signing alongside for 24 hours",
  summary: 'Rotate the signing secret: for 24 hours deliveries carry signatures by both',
  grants: { table: 'readWrite', webhookKeys: true },
  request: { path: idPath, body: noBody, query: noParams },
  response: { status: 200, description: 'The new secret, shown once', schema: () => rotatedSecretView() },
  problems: [404],
});

export const webhooksPing = defineOperation({
  function: 'webhooks-ping',
  feature,
  entry: 'functions/api/webhooks/ping.ts',
  method: 'POST',
  path: '/v1/webhooks/{id}/ping',
  auth: 'user',
  limit: 'jobs',
  functionDescription: 'Sends a signed test event to a webhook and reports the answer',
  summary: 'Send a signed `WebhookPing` now and report what the receiver answered',
  grants: { table: 'read', webhooks: true, webhookKeys: true },
  request: { path: idPath, body: noBody, query: noParams },
  response: { status: 200, description: 'What the receiver answered', schema: () => pingView() },
  problems: [404],
});

export const webhookDeliveriesList = defineOperation({
  function: 'webhook-deliveries-list',
  feature,
  entry: 'functions/api/webhooks/deliveries/list.ts',
  method: 'GET',
  path: '/v1/webhooks/{id}/deliveries',
  auth: 'user',
  functionDescription: "Lists a webhook's deliveries",
  summary: "A webhook's delivery log, newest first (kept 30 days)",
  grants: { table: 'read' },
  request: { path: idPath, query: deliveryListQuery },
  response: { status: 200, description: 'A page of deliveries', schema: () => pageOf(deliveryView()) },
  problems: [404],
});

export const webhookDeliveriesRedeliver = defineOperation({
  function: 'webhook-deliveries-redeliver',
  feature,
  entry: 'functions/api/webhooks/deliveries/redeliver.ts',
  method: 'POST',
  path: '/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
  auth: 'user',
  limit: 'jobs',
  functionDescription: 'Attempts a delivery again now, with the same webhook-id',
  summary: 'Attempt a delivery again now (same `webhook-id` and body, fresh timestamp and signature)',
  grants: { table: 'readWrite', webhooks: true, webhookKeys: true },
  request: { path: deliveryPath, body: noBody, query: noParams },
  response: { status: 200, description: 'The delivery after the attempt', schema: () => deliveryView() },
  problems: [404],
});

export const webhooksOperations = [
  webhooksCreate,
  webhooksList,
  webhooksGet,
  webhooksUpdate,
  webhooksDelete,
  webhooksRotateSecret,
  webhooksPing,
  webhookDeliveriesList,
  webhookDeliveriesRedeliver,
] as const;
