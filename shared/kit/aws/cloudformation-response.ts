/**
 * Answers a CloudFormation custom-resource request (Lambda-backed, no Provider framework): PUT the
 * outcome as JSON to the presigned `ResponseURL`. Without the framework there is no extra function,
 * role or AWS-managed policy; the price is that the function itself must always answer, success or
 * failure, or the stack waits for an hour.
 */
type CustomResourceEvent = {
  RequestType: 'Create' | 'Update' | 'Delete';
  ResponseURL: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  PhysicalResourceId?: string;
};

export function isCustomResourceEvent(event: unknown): event is CustomResourceEvent {
  return typeof event === 'object' && event !== null && 'ResponseURL' in event && 'RequestType' in event;
}

export async function respond(
  event: CustomResourceEvent,
  outcome: {
    status: 'SUCCESS' | 'FAILED';
    physicalResourceId: string;
    reason?: string;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  const body = JSON.stringify({
    Status: outcome.status,
    Reason: outcome.reason ?? outcome.status,
    PhysicalResourceId: outcome.physicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    Data: outcome.data ?? {},
  });
  const response = await fetch(event.ResponseURL, {
    method: 'PUT',
    // The presigned URL is signed for an empty content type.
    headers: { 'content-type': '', 'content-length': String(Buffer.byteLength(body)) },
    body,
  });
  if (!response.ok) throw new Error(`CloudFormation did not take the response: HTTP ${response.status}`);
}
