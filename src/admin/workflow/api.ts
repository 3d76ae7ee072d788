import { adminApi } from '@strapi/strapi/admin';
import type { Action, State } from './constants';

export type Allowed = { state: State; actions: Action[] };
export type HistoryEvent = {
  action: string;
  from: string | null;
  to: string;
  /** The person's name (first and last), or "ระบบ" for the system. */
  actor: string | null;
  comment: string | null;
  createdAt: string;
};
type Entry = { model: string; documentId: string };
type TransitionArgs = Entry & { body: Record<string, unknown> };

/**
 * The workflow's admin routes in the admin panel's own RTK Query cache. They carry the Content
 * Manager's `Document` tag of the entry, so that one transition refreshes at once everything
 * that shows the entry: Strapi's edit view (header, Publish button), the workflow panel, the
 * list views and the home page widgets — and Strapi's own Publish refreshes the panel.
 */
const docTag = (model: string, documentId: string) => ({
  type: 'Document' as const,
  id: `${model}_${documentId}`,
});

const workflowApi = adminApi
  .enhanceEndpoints({ addTagTypes: ['Document', 'RecentDocumentList', 'CountDocuments'] })
  .injectEndpoints({
    endpoints: (build) => ({
      getWorkflowAllowed: build.query<Allowed, Entry>({
        query: ({ model, documentId }) => ({
          url: '/workflow/allowed',
          method: 'GET',
          config: { params: { uid: model, documentId } },
        }),
        transformResponse: (res: { data: Allowed }) => res.data,
        providesTags: (_r, _e, { model, documentId }) => [docTag(model, documentId)],
      }),
      getWorkflowHistory: build.query<HistoryEvent[], Entry>({
        query: ({ model, documentId }) => ({
          url: '/workflow/history',
          method: 'GET',
          config: { params: { uid: model, documentId } },
        }),
        transformResponse: (res: { data: HistoryEvent[] }) => res.data,
        providesTags: (_r, _e, { model, documentId }) => [docTag(model, documentId)],
      }),
      workflowTransition: build.mutation<{ state: State }, TransitionArgs>({
        query: ({ model, documentId, body }) => ({
          url: '/workflow/transition',
          method: 'POST',
          data: { uid: model, documentId, ...body },
        }),
        transformResponse: (res: { data: { state: State } }) => res.data,
        invalidatesTags: (_r, _e, { model, documentId }) => [
          docTag(model, documentId),
          { type: 'Document', id: `${model}_LIST` },
          'RecentDocumentList',
          'CountDocuments',
        ],
      }),
    }),
    overrideExisting: false,
  });

export const {
  useGetWorkflowAllowedQuery,
  useGetWorkflowHistoryQuery,
  useWorkflowTransitionMutation,
} = workflowApi;
