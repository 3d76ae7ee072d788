import * as React from 'react';
import {
  Box,
  Button,
  Flex,
  IconButton,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { ArrowDown, ArrowUp, Pencil, Plus, Trash } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';

type Checklist = {
  documentId: string;
  fiscalYear: number;
  scheme: string;
  status: string;
  title: string | null;
};
type Item = {
  documentId: string;
  code: string;
  titleTh: string;
  cadence: string | null;
  indicatorCode: string | null;
  elements: string[];
};

const errorMessage = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error
    ?.message ??
  (error as Error)?.message ??
  'Error';

const STATUS_TH: Record<string, string> = { official: 'ทางการ', provisional: 'ชั่วคราว' };

/** One item's list being edited: lines, add, remove, move up/down, save or cancel. */
const ElementsEditor = ({
  item,
  onSaved,
  onCancel,
}: {
  item: Item;
  onSaved: (elements: string[]) => void;
  onCancel: () => void;
}) => {
  const { put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [lines, setLines] = React.useState<string[]>(item.elements);
  const [busy, setBusy] = React.useState(false);
  const set = (i: number, text: string) => setLines((l) => l.map((x, k) => (k === i ? text : x)));
  const move = (i: number, by: number) =>
    setLines((l) => {
      const next = [...l];
      const [line] = next.splice(i, 1);
      next.splice(i + by, 0, line);
      return next;
    });
  const save = async () => {
    setBusy(true);
    try {
      const res = await put<{ data: { elements: string[] } }>(
        `/ita/items/${encodeURIComponent(item.documentId)}/elements`,
        { elements: lines },
      );
      toggleNotification({
        type: 'success',
        message: `บันทึกองค์ประกอบของข้อ ${item.code} แล้ว`,
      });
      onSaved(res.data.data.elements);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="elements-editor">
      {lines.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          ยังไม่มีองค์ประกอบ — ผู้อนุมัติจะไม่ต้องติ๊กสำหรับข้อนี้
        </Typography>
      ) : null}
      {lines.map((line, i) => (
        <Flex key={i} gap={2} alignItems="flex-start">
          <Typography variant="omega" style={{ minWidth: 24, paddingTop: 8 }}>
            {i + 1}.
          </Typography>
          <Box flex="1">
            <Textarea
              name={`element-${i}`}
              aria-label={`องค์ประกอบที่ ${i + 1}`}
              value={line}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => set(i, e.target.value)}
            />
          </Box>
          <IconButton label="เลื่อนขึ้น" disabled={i === 0} onClick={() => move(i, -1)}>
            <ArrowUp />
          </IconButton>
          <IconButton label="เลื่อนลง" disabled={i === lines.length - 1} onClick={() => move(i, 1)}>
            <ArrowDown />
          </IconButton>
          <IconButton
            label="ลบองค์ประกอบนี้"
            onClick={() => setLines((l) => l.filter((_, k) => k !== i))}
          >
            <Trash />
          </IconButton>
        </Flex>
      ))}
      <Flex gap={2}>
        <Button
          variant="secondary"
          startIcon={<Plus />}
          onClick={() => setLines((l) => [...l, ''])}
          data-testid="elements-add"
        >
          เพิ่มองค์ประกอบ
        </Button>
        <Button loading={busy} onClick={save} data-testid="elements-save">
          บันทึก
        </Button>
        <Button variant="tertiary" onClick={onCancel}>
          ยกเลิก
        </Button>
      </Flex>
    </Flex>
  );
};

/**
 * ITA checklists → evidence elements (administrators): per item, what the unit's page must
 * show; the approver ticks these when approving. The lists change each year.
 */
const ElementsPage = () => {
  const { get } = useFetchClient();
  const [checklists, setChecklists] = React.useState<Checklist[]>([]);
  const [selected, setSelected] = React.useState<string>('');
  const [items, setItems] = React.useState<Item[] | null>(null);
  const [editing, setEditing] = React.useState<string | null>(null);

  React.useEffect(() => {
    get<{ data: Checklist[] }>('/ita/checklists')
      .then((res) => {
        setChecklists(res.data.data);
        if (res.data.data[0]) setSelected(res.data.data[0].documentId);
      })
      .catch(() => setChecklists([]));
  }, [get]);

  const current = checklists.find((c) => c.documentId === selected);
  React.useEffect(() => {
    if (!current) return;
    setItems(null);
    setEditing(null);
    get<{ data: Item[] }>(
      `/ita/checklists/items?fiscalYear=${current.fiscalYear}&scheme=${encodeURIComponent(current.scheme)}`,
    )
      .then((res) => setItems(res.data.data))
      .catch(() => setItems([]));
  }, [get, current]);

  return (
    <Box padding={8}>
      <Typography variant="alpha" tag="h1">
        องค์ประกอบหลักฐาน ITA
      </Typography>
      <Box paddingTop={2} paddingBottom={4}>
        <Typography variant="omega" textColor="neutral700">
          สิ่งที่หน้าเว็บของหน่วยงานต้องแสดงในแต่ละข้อ ผู้อนุมัติติ๊กตามรายการนี้เมื่ออนุมัติข้อมูล
          ข้อที่ติ๊กไม่ครบจะแสดงว่า “หลักฐานไม่ครบองค์ประกอบ” ในหน้าติดตาม ITA รายการเปลี่ยนได้ทุกปี
          องค์ประกอบที่เพิ่มหรือแก้ถ้อยคำต้องอนุมัติใหม่จึงนับว่าครบ
        </Typography>
      </Box>
      <Box maxWidth="32rem" paddingBottom={4}>
        <SingleSelect
          aria-label="ชุดตัวชี้วัด"
          value={selected}
          onChange={(v: string | number) => setSelected(String(v))}
          data-testid="elements-checklist"
        >
          {checklists.map((c) => (
            <SingleSelectOption key={c.documentId} value={c.documentId}>
              {`ปี ${c.fiscalYear} · ${c.scheme} · ${STATUS_TH[c.status] ?? c.status}`}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Box>
      {items === null ? (
        <Typography>กำลังโหลด…</Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={3} data-testid="elements-items">
          {items.map((item) => (
            <Box
              key={item.documentId}
              background="neutral0"
              padding={4}
              hasRadius
              shadow="tableShadow"
              data-testid="elements-item"
              data-code={item.code}
            >
              <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
                <Box>
                  <Typography variant="delta" tag="h2">
                    {item.code} {item.titleTh}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {item.elements.length
                      ? `${item.elements.length} องค์ประกอบ`
                      : 'ไม่ได้กำหนดองค์ประกอบ'}
                  </Typography>
                </Box>
                {editing === item.documentId ? null : (
                  <Button
                    variant="tertiary"
                    startIcon={<Pencil />}
                    onClick={() => setEditing(item.documentId)}
                    data-testid="elements-edit"
                  >
                    แก้ไของค์ประกอบ
                  </Button>
                )}
              </Flex>
              <Box paddingTop={2}>
                {editing === item.documentId ? (
                  <ElementsEditor
                    item={item}
                    onCancel={() => setEditing(null)}
                    onSaved={(elements) => {
                      setItems(
                        (list) =>
                          list?.map((i) =>
                            i.documentId === item.documentId ? { ...i, elements } : i,
                          ) ?? null,
                      );
                      setEditing(null);
                    }}
                  />
                ) : item.elements.length ? (
                  <ol style={{ margin: 0, paddingLeft: 20, listStyle: 'decimal' }}>
                    {item.elements.map((e, k) => (
                      <li key={k}>
                        <Typography variant="omega">{e}</Typography>
                      </li>
                    ))}
                  </ol>
                ) : null}
              </Box>
            </Box>
          ))}
        </Flex>
      )}
    </Box>
  );
};

export default ElementsPage;
