import type { Core, UID } from '@strapi/strapi';
import { outsideRequest } from '../units/scope';
import { REQUEST_UID } from './service';

/**
 * Answered questions become the unit's public Q&A (docs/participation.md, "From question to
 * Q&A"): when a question whose asker agreed to publication (`publishConsent`) gets its public
 * answer, a DRAFT `qa` entry (kind `faq`) of the question's unit is created with the question and
 * the answer — never the asker's name or e-mail. Created through the Document Service, it passes
 * the disclosure rules like an editor's entry: the unit is required, and its checklist items are
 * suggested from its type (the Q&A item of the unit's scheme). It is published only through the
 * normal workflow (submitted, approved, published by the unit's people), and then counts for the
 * checklist. One entry per question: the request remembers it (`qaDocumentId`).
 */

export const QA_UID = 'api::qa.qa' as UID.ContentType;
const UNIT_UID = 'api::unit.unit';

type QuestionRow = {
  id: number;
  kind: string;
  publishConsent: boolean | null;
  message: string;
  reply: string | null;
  qaDocumentId?: string | null;
  trackingCode: string;
  unit: { id: number } | null;
};

const titleOf = (question: string) => {
  const oneLine = question.replace(/\s+/g, ' ').trim();
  return oneLine.length > 290 ? `${oneLine.slice(0, 289)}…` : oneLine;
};

/** Returns the draft's documentId (the existing one when already made), or null when none is due. */
export const qaDraftFromQuestion = async (
  strapi: Core.Strapi,
  row: QuestionRow,
  reply: string | null,
): Promise<string | null> => {
  if (row.kind !== 'question' || !row.publishConsent || !row.unit) return null;
  const answer = (reply ?? row.reply ?? '').trim();
  if (!answer) return null;
  const current = (await strapi.db.query(REQUEST_UID).findOne({
    where: { id: row.id },
    select: ['qaDocumentId'],
  })) as { qaDocumentId: string | null } | null;
  if (current?.qaDocumentId) return current.qaDocumentId;
  const unit = (await strapi.db.query(UNIT_UID).findOne({
    where: { id: row.unit.id },
    select: ['documentId'],
  })) as { documentId: string } | null;
  if (!unit) return null;
  // Made by the system on the unit's behalf, outside the answering person's request: whoever
  // may answer the unit's questions (its central publisher too, who writes no drafts of their
  // own) gets the unit's draft. It is still only a draft: the unit's people submit and approve it.
  const created = (await outsideRequest(strapi, () =>
    strapi.documents(QA_UID).create({
      data: {
        title: titleOf(row.message),
        kind: 'faq',
        question: row.message,
        answer,
        unit: unit.documentId,
      } as never,
    }),
  )) as { documentId: string };
  // One Q&A per question: of two answers at once, the second's draft is removed again.
  const { count } = await strapi.db.query(REQUEST_UID).updateMany({
    where: { id: row.id, qaDocumentId: { $null: true } },
    data: { qaDocumentId: created.documentId },
  });
  if (!count) {
    await outsideRequest(strapi, () =>
      strapi.documents(QA_UID).delete({ documentId: created.documentId }),
    );
    const again = (await strapi.db.query(REQUEST_UID).findOne({
      where: { id: row.id },
      select: ['qaDocumentId'],
    })) as { qaDocumentId: string | null } | null;
    return again?.qaDocumentId ?? null;
  }
  return created.documentId;
};
