import 'server-only';
import { forbidden } from 'next/navigation';
import { PermissionDeniedError } from '../../lib/permissions';

/** Runs a mutation; a permission refusal from it becomes a real 403 for the request. */
export async function permitted<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PermissionDeniedError) forbidden();
    throw error;
  }
}
