import * as React from 'react';
import { Box, Checkbox, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';

/** What the approval of one version ticked (GET /workflow/elements). */
export type StageTicks = { ticked: number[]; confirmed: boolean | null } | null;
export type ElementItem = {
  documentId: string;
  code: string;
  titleTh: string;
  fiscalYear: number | null;
  scheme: string | null;
  elements: string[];
  /** The approval waiting to be published. */
  approved: StageTicks;
  /** The approval of the published version. */
  published: StageTicks;
};
export type EntryElements = { items: ElementItem[]; canTick: boolean };
/** item documentId → ticked element indices, as the approve transition takes them. */
export type Ticks = Record<string, number[]>;

/** The evidence elements of the items an entry is linked to; reloads when `version` changes. */
export const useEntryElements = (model: string, documentId: string, version: unknown) => {
  const { get } = useFetchClient();
  const [data, setData] = React.useState<EntryElements | null>(null);
  React.useEffect(() => {
    let live = true;
    get<{ data: EntryElements }>(
      `/workflow/elements?uid=${encodeURIComponent(model)}&documentId=${encodeURIComponent(documentId)}`,
    )
      .then((res) => live && setData(res.data.data))
      .catch(() => live && setData({ items: [], canTick: false }));
    return () => {
      live = false;
    };
  }, [get, model, documentId, version]);
  return data;
};

/** How many elements of the linked items are not ticked. */
export const untickedCount = (items: ElementItem[], ticks: Ticks) =>
  items.reduce(
    (n, i) => n + i.elements.filter((_, k) => !(ticks[i.documentId] ?? []).includes(k)).length,
    0,
  );

const stageText = (stage: StageTicks, total: number, what: string) => {
  if (!stage) return null;
  const n = stage.ticked.length;
  return stage.confirmed
    ? `${what}: ยืนยันครบทุกองค์ประกอบ (${n}/${total})`
    : `${what}: ยืนยันแล้ว ${n} จาก ${total} องค์ประกอบ — หลักฐานไม่ครบองค์ประกอบ`;
};

/**
 * The section of the workflow panel: for each linked checklist item, its code, title and the
 * elements the page must show — as checkboxes when the signed-in user may approve the entry now
 * (ticked when approving), otherwise as a list with what earlier approvals confirmed.
 */
export const ElementsSection = ({
  data,
  ticks,
  onToggle,
}: {
  data: EntryElements | null;
  ticks: Ticks;
  onToggle: (item: string, index: number, on: boolean) => void;
}) => {
  if (data === null) return null;
  const withElements = data.items.filter((i) => i.elements.length > 0);
  return (
    <Box paddingTop={2} data-testid="evidence-elements">
      <Typography variant="sigma" tag="h3">
        องค์ประกอบหลักฐาน
      </Typography>
      {data.items.length === 0 ? (
        <Typography variant="pi" tag="p" textColor="neutral600">
          ข้อมูลนี้ยังไม่ได้เชื่อมกับข้อตัวชี้วัด ITA
        </Typography>
      ) : null}
      {data.canTick && withElements.length > 0 ? (
        <Typography variant="pi" tag="p" textColor="neutral700">
          ตรวจหน้าที่เผยแพร่ แล้วติ๊กองค์ประกอบที่แสดงครบก่อนกดอนุมัติ
        </Typography>
      ) : null}
      {data.items.map((item) => (
        <Box key={item.documentId} paddingTop={2} data-testid="evidence-item" data-code={item.code}>
          <Typography variant="omega" fontWeight="bold" tag="p">
            {item.code} {item.titleTh}
            {item.fiscalYear ? ` (ปี ${item.fiscalYear})` : ''}
          </Typography>
          {item.elements.length === 0 ? (
            <Typography variant="pi" tag="p" textColor="neutral600">
              ข้อนี้ไม่ได้กำหนดองค์ประกอบ
            </Typography>
          ) : data.canTick ? (
            <Flex direction="column" alignItems="stretch" gap={1} paddingTop={1}>
              {item.elements.map((text, k) => (
                <Checkbox
                  key={k}
                  name={`element-${item.documentId}-${k}`}
                  checked={(ticks[item.documentId] ?? []).includes(k)}
                  onCheckedChange={(on: boolean | 'indeterminate') =>
                    onToggle(item.documentId, k, on === true)
                  }
                  data-testid="evidence-checkbox"
                >
                  <Typography variant="pi">{text}</Typography>
                </Checkbox>
              ))}
            </Flex>
          ) : (
            <>
              <ol style={{ margin: 0, paddingLeft: 18, listStyle: 'decimal' }}>
                {item.elements.map((text, k) => (
                  <li key={k}>
                    <Typography variant="pi">
                      {item.published ? (item.published.ticked.includes(k) ? '✓ ' : '✗ ') : ''}
                      {text}
                    </Typography>
                  </li>
                ))}
              </ol>
              {[
                stageText(item.approved, item.elements.length, 'การอนุมัติล่าสุด'),
                stageText(item.published, item.elements.length, 'ฉบับที่เผยแพร่'),
              ]
                .filter(Boolean)
                .map((line) => (
                  <Typography key={line} variant="pi" tag="p" textColor="neutral700">
                    {line}
                  </Typography>
                ))}
            </>
          )}
        </Box>
      ))}
    </Box>
  );
};
