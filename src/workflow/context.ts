import { AsyncLocalStorage } from 'async_hooks';

/**
 * Marks Document Service calls made by the workflow service itself: only those may change
 * `workflowState` or publish/unpublish. Everything else passes through the guard.
 */
const store = new AsyncLocalStorage<{ action: string }>();

export const asWorkflow = <T>(action: string, fn: () => Promise<T>): Promise<T> =>
  store.run({ action }, fn);
export const workflowAction = (): string | undefined => store.getStore()?.action;
