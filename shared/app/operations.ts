/**
 * Every HTTP operation of Moneta, feature by feature: the one list the function catalog's API part
 * and the route table (lib/catalog), hence the stack and the local gateway, and the OpenAPI
 * document (./openapi.ts) are derived from. A new feature registers its operations here; a new
 * route of an existing feature is declared in that feature's operations.ts only.
 */
import { accountsOperations } from '../accounts/operations';
import { attachmentsOperations } from '../attachments/operations';
import { auditOperations } from '../audit/operations';
import { budgetsOperations } from '../budgets/operations';
import { capturesOperations } from '../captures/operations';
import { categoriesOperations } from '../categories/operations';
import { changesOperations } from '../changes/operations';
import { exportsOperations } from '../exports/operations';
import { goalsOperations } from '../goals/operations';
import { healthOperations } from '../health/operations';
import { identityOperations } from '../identity/operations';
import { importsOperations } from '../imports/operations';
import { insightsOperations } from '../insights/operations';
import { invoicesOperations } from '../invoices/operations';
import { notificationsOperations } from '../notifications/operations';
import { payeesOperations } from '../payees/operations';
import { savedMethodsOperations } from '../payments/methods-operations';
import { paymentsOperations } from '../payments/operations';
import { ratesOperations } from '../rates/operations';
import { rulesOperations } from '../rules/operations';
import { sessionsOperations } from '../sessions/operations';
import { transactionsOperations } from '../transactions/operations';
import { webhooksOperations } from '../webhooks/operations';
import { openapiGet } from './openapi-operation';
import { docsAssetGet, docsGet } from './reference-operations';

export const operations = [
  ...identityOperations,
  ...sessionsOperations,
  ...accountsOperations,
  ...categoriesOperations,
  ...transactionsOperations,
  ...budgetsOperations,
  ...goalsOperations,
  ...insightsOperations,
  ...exportsOperations,
  ...capturesOperations,
  ...importsOperations,
  ...notificationsOperations,
  ...auditOperations,
  ...ratesOperations,
  ...rulesOperations,
  ...attachmentsOperations,
  ...payeesOperations,
  ...invoicesOperations,
  ...paymentsOperations,
  ...healthOperations,
  ...webhooksOperations,
  ...savedMethodsOperations,
  ...changesOperations,
  openapiGet,
  docsGet,
  docsAssetGet,
] as const;

export type Operation = (typeof operations)[number];
