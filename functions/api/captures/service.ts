/**
 * The capture service as the capture routes compose it: the message parser, the rule engine and
 * the transaction recorder with the budgets' write-time guards (as POST /v1/transactions has them).
 */
import { budgetLedgerGuards } from '../../../shared/budgets/public';
import { createCaptureService } from '../../../shared/captures/capture';
import { parseMessage } from '../../../shared/captures/parse/index';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { createRuleEngine } from '../../../shared/rules/public';
import { createTransactionRecorder } from '../../../shared/transactions/public';

export function captureService() {
  const db = documentClient();
  const tableName = requireEnv('TABLE_NAME');
  return createCaptureService({
    db,
    tableName,
    recorder: createTransactionRecorder({ db, tableName, guards: budgetLedgerGuards({ db, tableName }) }),
    rules: createRuleEngine({ db, tableName }),
    parse: parseMessage,
  });
}
