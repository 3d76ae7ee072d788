import { itemRecordsOf, type ChecklistFile } from './checklist-file';
import { CADENCE_LABELS_TH } from './cadence';
import { satisfiersOf, TOPICS, TOPIC_NAMES } from './topics';

const satisfierText = (topics: readonly string[]) =>
  satisfiersOf(topics)
    .map((s) => (s.kind ? `\`${s.type}\` (${s.kind})` : `\`${s.type}\``))
    .join(', ');

/**
 * docs/checklist-mapping.md: every item of every shipped list and the content type (and kind)
 * that satisfies it. Generated (`npm run cli -- ita:mapping-doc`); a test keeps it current.
 */
export const renderMappingDoc = (files: Array<{ name: string; file: ChecklistFile }>): string => {
  const out: string[] = [
    '# ITA checklist → content type mapping',
    '',
    'Generated from `src/ita/data/*.json` and `src/ita/topics.ts` by `npm run cli -- ita:mapping-doc`;',
    '`tests/mapping.test.js` fails when a shipped item maps to nothing or when this page is stale.',
    '',
    'Each checklist item lists **topics** (kinds of information that do not change when NACC renumbers',
    'the items); each topic names the content types and kinds whose entries satisfy it. An',
    "administrator can change an item's topics in the admin panel (ITA checklist item → topics).",
    '',
    '## Topics',
    '',
    '| topic | Thai | satisfied by |',
    '|---|---|---|',
    ...TOPIC_NAMES.map((t) => `| \`${t}\` | ${TOPICS[t].th} | ${satisfierText([t])} |`),
    '',
  ];
  for (const { name, file } of files) {
    out.push(`## ${file.fiscal_year_be} — ${file.scheme} (\`${name}\`)`, '');
    if (file.completeness) out.push(`Source completeness: ${file.completeness}`, '');
    out.push('| item | title | cadence | topics | content type (kind) |', '|---|---|---|---|---|');
    for (const item of itemRecordsOf(file)) {
      const flags = [
        item.titleUncertain ? 'title' : '',
        item.cadenceUncertain ? 'cadence' : '',
      ].filter(Boolean);
      out.push(
        `| ${item.code} | ${item.titleTh}${flags.length ? ` _(uncertain: ${flags.join(', ')})_` : ''} | ${CADENCE_LABELS_TH[item.cadence]} | ${item.topics.map((t) => `\`${t}\``).join(', ') || '**none**'} | ${satisfierText(item.topics) || '**none**'} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
};
