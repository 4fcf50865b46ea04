/** The capture routes, declared once (shared/kit/http/operation.ts). */
import { idPath } from '../kit/http/fields';
import { defineOperation, noParams } from '../kit/http/operation';
import { pageOf } from '../kit/http/response-schemas';
import { captureAcceptSchema, captureCreateSchema, captureListQuery, captureRejectSchema } from './schemas';
import { captureView } from './views';

export const capturesCreate = defineOperation({
  function: 'captures-create',
  feature: 'captures',
  entry: 'functions/api/captures/create.ts',
  method: 'POST',
  path: '/v1/captures',
  auth: 'user',
  functionDescription: 'Reads a bank message and records, ignores or queues it for review',
  summary: 'Capture a bank message (SMS, e-mail, push)',
  description:
    'A transaction message the parser is sure of (confidence ≥ 0.8) whose card or account digits name exactly one ' +
    'account, and that resembles no existing transaction, is recorded; the same message again (or the other alert of ' +
    'the same payment, by its bank reference) is a `duplicate`; OTPs, promotions, balance enquiries and declined ' +
    'payments are `ignored`; anything else waits in review.',
  grants: { table: 'readWrite' },
  // Each message costs a parse and several reads: a route limit below the stage's.
  throttle: { ratePerSecond: 20, burst: 100 },
  request: { body: captureCreateSchema, query: noParams },
  response: { status: 201, description: 'The capture and what became of it', schema: captureView, location: true },
  problems: [422],
});

export const capturesList = defineOperation({
  function: 'captures-list',
  feature: 'captures',
  entry: 'functions/api/captures/list.ts',
  method: 'GET',
  path: '/v1/captures',
  auth: 'user',
  functionDescription: "Lists the caller's captures in one status",
  summary: 'List captures in one status (default needs-review), newest first',
  grants: { table: 'read' },
  request: { query: captureListQuery },
  response: { status: 200, description: 'A page of captures', schema: () => pageOf(captureView()) },
});

export const capturesGet = defineOperation({
  function: 'captures-get',
  feature: 'captures',
  entry: 'functions/api/captures/get.ts',
  method: 'GET',
  path: '/v1/captures/{id}',
  auth: 'user',
  functionDescription: 'Reads a capture',
  summary: 'Read a capture: the message, its parse and what became of it',
  grants: { table: 'read' },
  request: { path: idPath, query: noParams },
  response: { status: 200, description: 'The capture', schema: captureView },
  problems: [404],
});

export const capturesAccept = defineOperation({
  function: 'captures-accept',
  feature: 'captures',
  entry: 'functions/api/captures/accept.ts',
  method: 'POST',
  path: '/v1/captures/{id}/accept',
  auth: 'user',
  functionDescription: 'Records a capture waiting for review, with corrections',
  summary: 'Accept a capture in review: record its transaction, with corrections',
  description:
    'Fields left out are taken from the parse. 409 when the capture is not in review, or when the same payment was ' +
    'recorded meanwhile (`duplicate-external-id`, the capture then turns `duplicate`).',
  grants: { table: 'readWrite' },
  request: { path: idPath, body: captureAcceptSchema, query: noParams },
  response: { status: 200, description: 'The recorded capture with its transactionId', schema: captureView },
  problems: [404, 409, 422],
});

export const capturesReject = defineOperation({
  function: 'captures-reject',
  feature: 'captures',
  entry: 'functions/api/captures/reject.ts',
  method: 'POST',
  path: '/v1/captures/{id}/reject',
  auth: 'user',
  functionDescription: 'Dismisses a capture waiting for review',
  summary: 'Reject a capture in review: nothing is recorded',
  grants: { table: 'readWrite' },
  request: { path: idPath, body: captureRejectSchema, query: noParams },
  response: { status: 200, description: 'The rejected capture', schema: captureView },
  problems: [404, 409],
});

export const capturesOperations = [capturesCreate, capturesList, capturesGet, capturesAccept, capturesReject] as const;
