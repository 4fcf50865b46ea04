import type { FunctionId } from '../../../../lib/catalog/functions';
import { FunctionError, type Invoker } from '../../../../lib/local/contracts';

type Invocation = { functionId: FunctionId; event: unknown };

/**
 * A fake function runtime: records every invocation, and answers with what `behaviour` returns
 * (throw a FunctionError to simulate a handler that fails).
 */
export function recordingInvoker(
  behaviour: (functionId: FunctionId, event: unknown, call: number) => unknown = () => undefined,
): Invoker & { calls: Invocation[] } {
  const calls: Invocation[] = [];
  return {
    calls,
    async invoke(functionId, event) {
      // A deep copy, as if the event had crossed a process boundary.
      calls.push({ functionId, event: JSON.parse(JSON.stringify(event)) });
      return behaviour(functionId, event, calls.length);
    },
  };
}

export const handlerFailure = (functionId: string, message = 'boom') => new FunctionError(functionId, 'Error', message);
