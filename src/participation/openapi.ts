/**
 * The public participation routes in the OpenAPI description (src/delivery/openapi.ts merges
 * them in): paths, their schemas and the tag. Objects are closed, as in the rest of the document.
 */
import { COMPLAINT_CATEGORIES, LIMITS, RATING_FIELDS } from './validate';

type Schema = { [key: string]: unknown };

const REF = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema) => ({ 'application/json': { schema } });
const closed = (properties: Record<string, Schema>, required: string[]) => ({
  type: 'object',
  required,
  properties,
  additionalProperties: false,
});
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
const error = (description: string) => ({ description, content: json(REF('Error')) });

export const PARTICIPATION_TAG = {
  name: 'Participation',
  description:
    "The public's side (docs/participation.md): report wrong information, ask a question, rate the website, report corruption in confidence; follow a tracking code. ช่องทางการมีส่วนร่วมของประชาชน",
};

const unitCode = {
  name: 'unitCode',
  in: 'path',
  required: true,
  description: 'Unit code (case-insensitive).',
  schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{1,19}$' },
};
const fiscalYear = {
  name: 'fiscalYear',
  in: 'path',
  required: true,
  description: 'Thai fiscal year, Buddhist Era (e.g. 2569).',
  schema: { type: 'string' },
};
const trackingCode = {
  name: 'trackingCode',
  in: 'path',
  required: true,
  description: 'The code a submission answered with (case-insensitive).',
  schema: { type: 'string' },
};

const common = {
  altcha: {
    type: 'string',
    description:
      'The solved challenge of GET /api/participation/challenge: base64 of {"challenge","solution"} as the altcha widget sends it (the object itself is accepted too).',
  },
  website: {
    type: 'string',
    description: 'Honeypot: leave empty. When filled, nothing is stored (the answer is the same).',
  },
};
const text = (max: number, description: string) => ({
  type: 'string',
  maxLength: max,
  description,
});
const email = { type: 'string', format: 'email', maxLength: LIMITS.email };
const unitRef = closed({ code: { type: 'string' }, nameTh: { type: 'string' } }, [
  'code',
  'nameTh',
]);
const dateTime = { type: 'string', format: 'date-time' };

export const participationSchemas = (): Record<string, Schema> => ({
  ParticipationChallenge: {
    type: 'object',
    description:
      'An ALTCHA v2 challenge (altcha-lib): solve it with the altcha widget or altcha-lib solveChallenge.',
    required: ['parameters', 'signature'],
    properties: {
      parameters: {
        type: 'object',
        required: ['algorithm', 'nonce', 'salt', 'cost', 'keyLength', 'keyPrefix'],
        properties: {
          algorithm: { type: 'string', const: 'PBKDF2/SHA-256' },
          nonce: { type: 'string' },
          salt: { type: 'string' },
          cost: { type: 'integer' },
          keyLength: { type: 'integer' },
          keyPrefix: { type: 'string' },
          keySignature: { type: 'string' },
          expiresAt: { type: 'integer', description: 'Unix time (seconds).' },
        },
        additionalProperties: false,
      },
      signature: { type: 'string' },
    },
    additionalProperties: false,
  },
  ParticipationCorrection: closed(
    {
      entry: {
        type: 'string',
        description: 'documentId of a published entry of this unit the report is about.',
      },
      message: text(LIMITS.message, 'What is wrong or out of date.'),
      email: { ...email, description: 'To be told of each status change (optional).' },
      ...common,
    },
    ['message', 'altcha'],
  ),
  ParticipationQuestion: closed(
    {
      question: text(LIMITS.question, 'The question.'),
      name: text(LIMITS.name, 'Optional; never published.'),
      email: { ...email, description: 'Optional; never published.' },
      publishConsent: {
        type: 'boolean',
        description: 'May the question and its answer be published (without name or e-mail).',
      },
      ...common,
    },
    ['question', 'publishConsent', 'altcha'],
  ),
  ParticipationSurvey: closed(
    {
      ratings: closed(
        Object.fromEntries(
          RATING_FIELDS.map((f) => [f, { type: 'integer', minimum: 1, maximum: 5 }]),
        ),
        [...RATING_FIELDS],
      ),
      comment: text(LIMITS.comment, 'Optional; never published.'),
      ...common,
    },
    ['ratings', 'altcha'],
  ),
  ParticipationComplaint: closed(
    {
      message: text(LIMITS.message, 'What happened (encrypted at rest).'),
      category: { type: 'string', enum: [...COMPLAINT_CATEGORIES], default: 'other' },
      anonymous: {
        type: 'boolean',
        description: 'An anonymous complaint carries no contact.',
      },
      contact: closed(
        {
          name: text(LIMITS.name, 'Name.'),
          email,
          phone: { type: 'string', maxLength: 40 },
        },
        [],
      ),
      ...common,
    },
    ['message', 'anonymous', 'altcha'],
  ),
  ParticipationTrackingResponse: closed(
    { data: closed({ trackingCode: { type: 'string' } }, ['trackingCode']) },
    ['data'],
  ),
  ParticipationStatusResponse: closed(
    {
      data: closed(
        {
          trackingCode: { type: 'string' },
          kind: { type: 'string', enum: ['correction', 'question', 'survey', 'complaint'] },
          status: {
            type: 'string',
            enum: ['received', 'assigned', 'answered', 'resolved', 'rejected', 'investigating'],
          },
          unit: unitRef,
          receivedAt: dateTime,
          dueAt: nullable(dateTime),
          closedAt: nullable(dateTime),
          updatedAt: nullable(dateTime),
          reply: nullable({
            type: 'string',
            description: "The unit's public reply (corrections and questions), HTML-escaped.",
          }),
          rejectionReason: nullable({ type: 'string', description: 'HTML-escaped.' }),
        },
        ['trackingCode', 'kind', 'status', 'unit', 'receivedAt'],
      ),
    },
    ['data'],
  ),
  ParticipationSurveyResponse: closed(
    {
      data: closed(
        {
          unit: unitRef,
          fiscalYear: { type: 'integer' },
          responses: { type: 'integer' },
          averages: closed(
            Object.fromEntries(RATING_FIELDS.map((f) => [f, nullable({ type: 'number' })])),
            [...RATING_FIELDS],
          ),
          distribution: closed(
            Object.fromEntries(
              RATING_FIELDS.map((f) => [
                f,
                closed(
                  Object.fromEntries(
                    ['1', '2', '3', '4', '5'].map((n) => [n, { type: 'integer' }]),
                  ),
                  ['1', '2', '3', '4', '5'],
                ),
              ]),
            ),
            [...RATING_FIELDS],
          ),
        },
        ['unit', 'fiscalYear', 'responses', 'averages', 'distribution'],
      ),
    },
    ['data'],
  ),
  ParticipationComplaintStatisticsResponse: closed(
    {
      data: closed(
        {
          unit: unitRef,
          fiscalYear: { type: 'integer' },
          total: { type: 'integer' },
          byMonth: {
            type: 'array',
            items: closed({ month: { type: 'string' }, count: { type: 'integer' } }, [
              'month',
              'count',
            ]),
          },
          byCategory: closed(
            Object.fromEntries(COMPLAINT_CATEGORIES.map((c) => [c, { type: 'integer' }])),
            [...COMPLAINT_CATEGORIES],
          ),
          byStatus: closed(
            Object.fromEntries(
              ['received', 'investigating', 'resolved', 'rejected'].map((s) => [
                s,
                { type: 'integer' },
              ]),
            ),
            ['received', 'investigating', 'resolved', 'rejected'],
          ),
        },
        ['unit', 'fiscalYear', 'total', 'byMonth', 'byCategory', 'byStatus'],
      ),
    },
    ['data'],
  ),
});

const tooMany = {
  description: 'Too many submissions from this address or to this unit (Retry-After, seconds).',
  headers: { 'Retry-After': { schema: { type: 'integer' } } },
  content: json(REF('Error')),
};

const submit = (form: string, schemaName: string, summary: string, multipart = false) => ({
  post: {
    tags: ['Participation'],
    operationId: `postParticipation${form}`,
    summary,
    parameters: [unitCode],
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: REF(schemaName) },
        ...(multipart
          ? {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  description:
                    'The fields one by one (anonymous "true"/"false", contact as JSON), or the JSON body in `data`; files in `files`.',
                  properties: {
                    data: { type: 'string' },
                    files: { type: 'array', items: { type: 'string', format: 'binary' } },
                  },
                },
              },
            }
          : {}),
      },
    },
    responses: {
      '201': {
        description: 'Received: the tracking code.',
        content: json(REF('ParticipationTrackingResponse')),
      },
      '400': error('A malformed body, or a missing, invalid, expired or reused challenge.'),
      '404': error('Unknown unit.'),
      ...(multipart ? { '413': error('A file is too large.') } : {}),
      '429': tooMany,
    },
  },
});

export const participationPaths = (): Record<string, Schema> => ({
  '/api/participation/challenge': {
    get: {
      tags: ['Participation'],
      operationId: 'getParticipationChallenge',
      summary: 'A proof-of-work challenge (ALTCHA) for the forms',
      description: 'Fresh on every call (`Cache-Control: no-store`), valid for 10 minutes, once.',
      responses: {
        '200': {
          description: 'The challenge (the body is the challenge itself).',
          content: json(REF('ParticipationChallenge')),
        },
        '429': tooMany,
      },
    },
  },
  '/api/participation/settings': {
    get: {
      tags: ['Participation'],
      operationId: 'getParticipationSettings',
      summary: 'What a form shows: the PDPA consent text, size limits, complaint categories',
      description:
        'The consent text (and its version) is the one recorded with a submission that carries personal data (PARTICIPATION_CONSENT_TEXT / PARTICIPATION_CONSENT_VERSION).',
      responses: {
        '200': {
          description: 'The settings.',
          content: json(
            closed(
              {
                data: closed(
                  {
                    consent: closed({ text: { type: 'string' }, version: { type: 'string' } }, [
                      'text',
                      'version',
                    ]),
                    limits: closed(
                      Object.fromEntries(
                        [
                          'message',
                          'question',
                          'comment',
                          'name',
                          'email',
                          'phone',
                          'maxFiles',
                          'maxFileBytes',
                        ].map((k) => [k, { type: 'integer' }]),
                      ),
                      [
                        'message',
                        'question',
                        'comment',
                        'name',
                        'email',
                        'phone',
                        'maxFiles',
                        'maxFileBytes',
                      ],
                    ),
                    complaintCategories: {
                      type: 'array',
                      items: { type: 'string', enum: [...COMPLAINT_CATEGORIES] },
                    },
                  },
                  ['consent', 'limits', 'complaintCategories'],
                ),
              },
              ['data'],
            ),
          ),
        },
      },
    },
  },
  '/api/participation/{unitCode}/corrections': submit(
    'Correction',
    'ParticipationCorrection',
    'Report wrong or outdated information',
  ),
  '/api/participation/{unitCode}/questions': submit(
    'Question',
    'ParticipationQuestion',
    'Ask the unit a question',
  ),
  '/api/participation/{unitCode}/survey': submit(
    'Survey',
    'ParticipationSurvey',
    "Rate the unit's website",
  ),
  '/api/participation/{unitCode}/complaints': submit(
    'Complaint',
    'ParticipationComplaint',
    'Report corruption in confidence',
    true,
  ),
  '/api/participation/requests/{trackingCode}': {
    get: {
      tags: ['Participation'],
      operationId: 'getParticipationStatus',
      summary: 'Status of a submission (and the public reply)',
      description: 'Never the message, a name, an e-mail or an address.',
      parameters: [trackingCode],
      responses: {
        '200': { description: 'The status.', content: json(REF('ParticipationStatusResponse')) },
        '400': error('A query parameter was given.'),
        '404': error('No submission with this code.'),
      },
    },
  },
  '/api/participation/{unitCode}/{fiscalYear}/survey': {
    get: {
      tags: ['Participation'],
      operationId: 'getParticipationSurvey',
      summary: 'Website survey results of a unit for a fiscal year',
      parameters: [unitCode, fiscalYear],
      responses: {
        '200': {
          description: 'Counts and averages.',
          content: json(REF('ParticipationSurveyResponse')),
        },
        '400': error('Invalid fiscal year.'),
        '404': error('Unknown unit.'),
      },
    },
  },
  '/api/participation/{unitCode}/{fiscalYear}/complaint-statistics': {
    get: {
      tags: ['Participation'],
      operationId: 'getParticipationComplaintStatistics',
      summary: 'Complaint statistics of a unit for a fiscal year (never content)',
      parameters: [unitCode, fiscalYear],
      responses: {
        '200': {
          description: 'Counts by month, category and status.',
          content: json(REF('ParticipationComplaintStatisticsResponse')),
        },
        '400': error('Invalid fiscal year.'),
        '404': error('Unknown unit.'),
      },
    },
  },
});
