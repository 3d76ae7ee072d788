/** Every item of every shipped list maps to a content type (and kind) that exists. */
const fs = require('fs');
const path = require('path');
const { appDir } = require('./helpers/strapi');
const { itemRecordsOf } = require('../dist/src/ita/checklist-file');
const { satisfiersOf, TOPIC_NAMES, TOPICS } = require('../dist/src/ita/topics');
const { renderMappingDoc } = require('../dist/src/ita/mapping-doc');
const { shippedFiles } = require('../dist/src/cli/ita-mapping-doc');

const files = shippedFiles(appDir);
const schemaOf = (type) =>
  JSON.parse(
    fs.readFileSync(
      path.join(appDir, 'src', 'api', type, 'content-types', type, 'schema.json'),
      'utf8',
    ),
  );

test('six lists with 195 items are shipped', () => {
  expect(files.map((f) => f.name)).toHaveLength(6);
  expect(files.reduce((n, f) => n + itemRecordsOf(f.file).length, 0)).toBe(195);
});

test.each(files.map((f) => [f.name, f.file]))(
  'every item of %s maps to at least one content type',
  (name, file) => {
    const unmapped = itemRecordsOf(file)
      .filter((item) => satisfiersOf(item.topics).length === 0)
      .map((i) => i.code);
    expect(unmapped).toEqual([]);
  },
);

test('every topic names content types and kinds that exist in the schemas', () => {
  const problems = [];
  for (const topic of TOPIC_NAMES) {
    for (const { type, kind } of TOPICS[topic].by) {
      const schema = schemaOf(type);
      if (
        kind !== null &&
        !(schema.attributes.kind && schema.attributes.kind.enum.includes(kind))
      ) {
        problems.push(`${topic}: ${type} has no kind ${kind}`);
      }
    }
  }
  expect(problems).toEqual([]);
});

test('docs/checklist-mapping.md is current (regenerate: npm run cli -- ita:mapping-doc)', () => {
  const committed = fs.readFileSync(path.join(appDir, 'docs', 'checklist-mapping.md'), 'utf8');
  expect(committed).toBe(renderMappingDoc(files));
  expect(committed).not.toContain('**none**');
});
