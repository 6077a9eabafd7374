/**
 * The reason the Kubernetes API server gives with an HTTP status (metav1.StatusReason): what the audit log's
 * responseStatus carries and what kubectl prints in `Error from server (<Reason>)`.
 */
export function statusReason(code: number): string {
  switch (code) {
    case 400:
      return 'BadRequest';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden';
    case 404:
      return 'NotFound';
    case 409:
      return 'AlreadyExists';
    case 422:
      return 'Invalid';
    default:
      return 'InternalError';
  }
}
