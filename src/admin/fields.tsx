/**
 * Thai in the Content Manager's forms and lists (issue 12):
 * - enumerations: the edit form's select, list cells and list filters show the Thai label of
 *   each value (src/common/enum-labels.ts, the same labels as the server's exports);
 * - booleans: ใช่ / ไม่ใช่ instead of True / False;
 * - Buddhist-Era years (fiscalYear, copiedFromYear, any *Year integer): "2569", never "2,569";
 * - dates (and the date of date-times): typed and shown as วว/ดด/ปปปป in the Buddhist Era, with a
 *   calendar whose header is in the Buddhist Era too; Enter commits the typed date and never
 *   submits the form.
 *
 * Registered with `app.addFields` (Strapi's field overrides by attribute type: the edit view's
 * InputRenderer renders these instead of its own for every field of the type, components
 * included) and the list view's column and filter hooks.
 */
import * as React from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import { InputRenderer, useField } from '@strapi/strapi/admin';
import {
  Box,
  Field,
  Flex,
  IconButton,
  Popover,
  TextButton,
  TextInput,
  Toggle,
  Typography,
} from '@strapi/design-system';
import { Calendar, ChevronLeft, ChevronRight } from '@strapi/icons';
import { BOOLEAN_LABELS, booleanLabel, enumLabel, isYearField } from '../common/enum-labels';
import { toArabicDigits } from '../common/thai';
import { THAI_MONTHS_LONG } from './compliance/labels';

type Attribute = { type?: string; enum?: string[] } & Record<string, unknown>;
type FieldProps = {
  name: string;
  label?: React.ReactNode;
  hint?: React.ReactNode;
  labelAction?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  attribute?: Attribute;
  type?: string;
} & Record<string, unknown>;

/** Strapi's generic form input (its props type is a union the CM props do not narrow to). */
const AdminRenderer = InputRenderer as unknown as React.ComponentType<Record<string, unknown>>;

/**
 * The admin's generic renderer passes unknown props on to the DOM; the Content Manager's field
 * props carry schema flags (`unique: false`) that React then warns about. Leave them out.
 */
const Renderer = ({ unique: _unique, ...props }: Record<string, unknown>) => (
  <AdminRenderer {...props} />
);

/** "rows.0.method" → "method": the attribute name inside components. */
const baseName = (name: string) => name.split('.').pop() ?? name;

/* ------------------------------------------------------------------ enumerations */

const EnumerationField = (props: FieldProps) => {
  const field = baseName(props.name);
  const options = (props.attribute?.enum ?? []).map((value) => ({
    value,
    label: enumLabel(field, value),
  }));
  return <Renderer {...props} type="enumeration" options={options} />;
};

/* ---------------------------------------------------------------------- booleans */

const BooleanField = ({ name, required, label, hint, labelAction, disabled }: FieldProps) => {
  const field = useField<boolean | null>(name);
  return (
    <Field.Root error={field.error} name={name} hint={hint} required={required} maxWidth="320px">
      <Flex justifyContent="space-between" alignItems="flex-end" gap={2}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        {!required && field.value !== null && field.value !== undefined && !disabled ? (
          <TextButton
            onClick={() => field.onChange(name, null)}
            style={{ flexShrink: 0, whiteSpace: 'nowrap' }}
          >
            ล้างค่า
          </TextButton>
        ) : null}
      </Flex>
      <Toggle
        checked={field.value === null || field.value === undefined ? null : Boolean(field.value)}
        onLabel={BOOLEAN_LABELS.true}
        offLabel={BOOLEAN_LABELS.false}
        onChange={field.onChange}
        name={name}
        disabled={disabled}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

/* ------------------------------------------------------------------------- years */

const YearField = ({
  name,
  required,
  label,
  hint,
  labelAction,
  disabled,
  placeholder,
}: FieldProps) => {
  const field = useField<number | null>(name);
  const value = field.value === null || field.value === undefined ? '' : String(field.value);
  const [text, setText] = React.useState(value);
  React.useEffect(() => {
    setText((current) => (current === value ? current : value));
  }, [value]);
  return (
    <Field.Root error={field.error} name={name} hint={hint} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <TextInput
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={placeholder ?? 'เช่น 2569'}
        disabled={disabled}
        value={text}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
          const digits = toArabicDigits(e.target.value)
            .replace(/[^0-9]/g, '')
            .slice(0, 4);
          setText(digits);
          field.onChange(name, digits ? Number(digits) : null);
        }}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

const IntegerField = (props: FieldProps) =>
  isYearField(baseName(props.name)) ? (
    <YearField {...props} />
  ) : (
    <Renderer {...props} type="integer" />
  );

/* ------------------------------------------------------------------------- dates */

const BE = 543;
const WEEKDAYS = ['อา', 'จ', 'อ', 'พ', 'พฤ', 'ศ', 'ส'];
const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

type Ymd = { y: number; m: number; d: number };
const isoOf = ({ y, m, d }: Ymd) => `${y}-${pad(m)}-${pad(d)}`;
const ymdOf = (iso: string): Ymd | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
};
/** "2026-09-15" → "15/09/2569". */
export const beText = (iso: string | null | undefined) => {
  const v = iso ? ymdOf(iso) : null;
  return v ? `${pad(v.d)}/${pad(v.m)}/${v.y + BE}` : '';
};
/**
 * "15/09/2569", "15-9-69", "๑๕/๐๙/๒๕๖๙" or "2026-09-15" → "2026-09-15"; null when not a date.
 * A four-digit year from 2400 is Buddhist Era, below it Common Era; two digits are 25xx BE.
 */
export const parseBeDate = (input: string): string | null => {
  const s = toArabicDigits(input.trim());
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2}|\d{4})$/.exec(s);
  let y: number;
  let m: number;
  let d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) {
    [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
    if (dmy[3].length === 2) y += 2500;
    if (y >= 2400) y -= BE;
  } else return null;
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
  return isoOf({ y, m, d });
};

const todayYmd = (): Ymd => {
  const now = new Date();
  return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
};

const CalendarGrid = ({
  selected,
  onPick,
}: {
  selected: Ymd | null;
  onPick: (iso: string) => void;
}) => {
  const [view, setView] = React.useState(() => selected ?? todayYmd());
  const move = (months: number) =>
    setView((v) => {
      const index = v.y * 12 + (v.m - 1) + months;
      return { y: Math.floor(index / 12), m: (index % 12) + 1, d: 1 };
    });
  const first = new Date(Date.UTC(view.y, view.m - 1, 1)).getUTCDay();
  const cells: Array<number | null> = [
    ...Array.from({ length: first }, () => null),
    ...Array.from({ length: daysIn(view.y, view.m) }, (_, i) => i + 1),
  ];
  const today = todayYmd();
  return (
    <Box padding={3} data-prongsai-calendar="">
      <Flex justifyContent="space-between" alignItems="center" gap={1} paddingBottom={2}>
        <IconButton label="ปีก่อน" variant="ghost" onClick={() => move(-12)}>
          <span style={{ display: 'flex' }}>
            <ChevronLeft />
            <ChevronLeft />
          </span>
        </IconButton>
        <IconButton label="เดือนก่อน" variant="ghost" onClick={() => move(-1)}>
          <ChevronLeft />
        </IconButton>
        <Typography variant="omega" fontWeight="bold" data-prongsai-calendar-header="">
          {THAI_MONTHS_LONG[view.m - 1]} {view.y + BE}
        </Typography>
        <IconButton label="เดือนถัดไป" variant="ghost" onClick={() => move(1)}>
          <ChevronRight />
        </IconButton>
        <IconButton label="ปีถัดไป" variant="ghost" onClick={() => move(12)}>
          <span style={{ display: 'flex' }}>
            <ChevronRight />
            <ChevronRight />
          </span>
        </IconButton>
      </Flex>
      <table role="grid" style={{ borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            {WEEKDAYS.map((w) => (
              <th key={w} style={{ width: 36, textAlign: 'center' }}>
                <Typography variant="pi" textColor="neutral600">
                  {w}
                </Typography>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: Math.ceil(cells.length / 7) }, (_, row) => (
            <tr key={row}>
              {cells.slice(row * 7, row * 7 + 7).map((day, i) => {
                if (day === null) return <td key={`e${i}`} />;
                const isSelected =
                  !!selected &&
                  selected.y === view.y &&
                  selected.m === view.m &&
                  selected.d === day;
                const isToday = today.y === view.y && today.m === view.m && today.d === day;
                return (
                  <td key={day} style={{ textAlign: 'center', padding: 1 }}>
                    <button
                      type="button"
                      aria-pressed={isSelected}
                      aria-label={`${day} ${THAI_MONTHS_LONG[view.m - 1]} ${view.y + BE}`}
                      onClick={() => onPick(isoOf({ y: view.y, m: view.m, d: day }))}
                      style={{
                        width: 34,
                        height: 30,
                        border: isToday ? '1px solid #4945ff' : '1px solid transparent',
                        borderRadius: 4,
                        cursor: 'pointer',
                        background: isSelected ? '#4945ff' : 'transparent',
                        color: isSelected ? '#ffffff' : 'inherit',
                      }}
                    >
                      {day}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
};

const INVALID_DATE = 'รูปแบบวันที่ไม่ถูกต้อง: พิมพ์ วว/ดด/ปปปป (พ.ศ.) เช่น 15/09/2569';
const INVALID_TIME = 'รูปแบบเวลาไม่ถูกต้อง: พิมพ์ ชช:นน เช่น 09:30';

/**
 * The date box: วว/ดด/ปปปป (BE) typed, a calendar in the BE beside it. Enter and blur commit
 * (`onCommit`); Enter never reaches the form, so it neither submits nor saves it.
 */
const BeDateBox = ({
  text,
  setText,
  onCommit,
  onPick,
  disabled,
  fallbackIso,
}: {
  text: string;
  setText: (t: string) => void;
  onCommit: () => void;
  onPick: (iso: string) => void;
  disabled?: boolean;
  fallbackIso: string;
}) => {
  const [open, setOpen] = React.useState(false);
  const typed = parseBeDate(text);
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Anchor>
        <TextInput
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="วว/ดด/ปปปป (พ.ศ.)"
          data-prongsai-date=""
          disabled={disabled}
          value={text}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setText(e.target.value)}
          onBlur={onCommit}
          onKeyDown={(e: React.KeyboardEvent<HTMLInputElement>) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              e.stopPropagation();
              onCommit();
            }
          }}
          endAction={
            <IconButton
              label="เลือกจากปฏิทิน"
              variant="ghost"
              size="XS"
              disabled={disabled}
              onClick={() => setOpen((o) => !o)}
            >
              <Calendar />
            </IconButton>
          }
        />
      </Popover.Anchor>
      <Popover.Content sideOffset={4} align="start">
        <CalendarGrid
          selected={ymdOf(typed ?? fallbackIso)}
          onPick={(value) => {
            onPick(value);
            setOpen(false);
          }}
        />
      </Popover.Content>
    </Popover.Root>
  );
};

const DateField = ({ name, required, label, hint, labelAction, disabled }: FieldProps) => {
  const field = useField<string | null>(name);
  const iso = typeof field.value === 'string' ? field.value : '';
  const [text, setText] = React.useState(() => beText(iso));
  const [invalid, setInvalid] = React.useState(false);
  const committed = React.useRef(iso);
  React.useEffect(() => {
    if (iso !== committed.current) {
      committed.current = iso;
      setText(beText(iso));
      setInvalid(false);
    }
  }, [iso]);
  const set = (value: string | null) => {
    committed.current = value ?? '';
    field.onChange(name, value);
  };
  /** Commits the typed text; an unreadable date stays in the box, marked, never discarded. */
  const commit = () => {
    if (!text.trim()) {
      setInvalid(false);
      if (iso) set(null);
      return;
    }
    const parsed = parseBeDate(text);
    if (!parsed) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setText(beText(parsed));
    if (parsed !== iso) set(parsed);
  };
  return (
    <Field.Root
      error={field.error ?? (invalid ? INVALID_DATE : undefined)}
      name={name}
      hint={hint}
      required={required}
    >
      <Field.Label action={labelAction}>{label}</Field.Label>
      <BeDateBox
        text={text}
        setText={setText}
        onCommit={commit}
        disabled={disabled}
        fallbackIso={iso}
        onPick={(value) => {
          setText(beText(value));
          setInvalid(false);
          set(value);
        }}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

/** An ISO instant → the browser's local date (ISO) and time ("HH:MM"), as Strapi's picker shows. */
const localParts = (value: string) => {
  const at = new Date(value);
  if (!value || Number.isNaN(at.getTime())) return { date: '', time: '' };
  return {
    date: isoOf({ y: at.getFullYear(), m: at.getMonth() + 1, d: at.getDate() }),
    time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
  };
};
const parseTime = (input: string): string | null => {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(toArabicDigits(input.trim()));
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${pad(Number(m[1]))}:${m[2]}`;
};

/** Date and time: the same BE date box, and the time as ชช:นน (24 hours). */
const DateTimeField = ({ name, required, label, hint, labelAction, disabled }: FieldProps) => {
  const field = useField<string | null>(name);
  const value = typeof field.value === 'string' ? field.value : '';
  const parts = localParts(value);
  const [dateText, setDateText] = React.useState(() => beText(parts.date));
  const [timeText, setTimeText] = React.useState(parts.time);
  const [error, setError] = React.useState<string | undefined>();
  const committed = React.useRef(value);
  React.useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      const p = localParts(value);
      setDateText(beText(p.date));
      setTimeText(p.time);
      setError(undefined);
    }
  }, [value]);
  const commit = (date = dateText, time = timeText) => {
    if (!date.trim() && !time.trim()) {
      setError(undefined);
      if (value) {
        committed.current = '';
        field.onChange(name, null);
      }
      return;
    }
    const d = parseBeDate(date);
    if (!d) return setError(INVALID_DATE);
    const t = time.trim() ? parseTime(time) : '00:00';
    if (!t) return setError(INVALID_TIME);
    setError(undefined);
    setDateText(beText(d));
    setTimeText(t);
    const ymd = ymdOf(d) as Ymd;
    const [hh, mm] = t.split(':').map(Number);
    const next = new Date(ymd.y, ymd.m - 1, ymd.d, hh, mm).toISOString();
    if (next !== value) {
      committed.current = next;
      field.onChange(name, next);
    }
  };
  return (
    <Field.Root error={field.error ?? error} name={name} hint={hint} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <Flex gap={2} alignItems="flex-start">
        <Box flex="1">
          <BeDateBox
            text={dateText}
            setText={setDateText}
            onCommit={() => commit()}
            disabled={disabled}
            fallbackIso={parts.date}
            onPick={(d) => {
              setDateText(beText(d));
              commit(beText(d), timeText);
            }}
          />
        </Box>
        <Box width="9rem">
          <TextInput
            type="text"
            inputMode="numeric"
            autoComplete="off"
            aria-label="เวลา (ชช:นน)"
            placeholder="ชช:นน"
            data-prongsai-time=""
            disabled={disabled}
            value={timeText}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTimeText(e.target.value)}
            onBlur={() => commit()}
            onKeyDown={(e: React.KeyboardEvent<HTMLInputElement>) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                e.stopPropagation();
                commit();
              }
            }}
          />
        </Box>
      </Flex>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

/* ------------------------------------------------------------------ list view */

type Header = {
  name: string;
  attribute?: Attribute;
  cellFormatter?: (row: Record<string, unknown>, ...rest: unknown[]) => unknown;
} & Record<string, unknown>;
type ListHookArgs = { displayedHeaders: Header[]; layout: unknown };

type Filter = {
  name: string;
  type?: string;
  options?: Array<{ label?: string; value: string } | string>;
  input?: React.ComponentType<Record<string, unknown>>;
} & Record<string, unknown>;
type FilterHookArgs = { displayedFilters: Filter[]; layout: unknown };

/** The value box of a list filter on an enumeration or a boolean: a select with Thai labels. */
const FilterSelect = (props: Record<string, unknown>) => <Renderer {...props} type="enumeration" />;

/** A list cell in the Content Manager's own cell style. */
const Cell = ({ text }: { text: string }) => (
  <Typography maxWidth="30rem" ellipsis textColor="neutral800">
    {text}
  </Typography>
);

const formatCell = (header: Header) => {
  const type = header.attribute?.type;
  const text =
    type === 'enumeration'
      ? (v: unknown) => enumLabel(header.name, v)
      : type === 'boolean'
        ? booleanLabel
        : (type === 'integer' || type === undefined) && isYearField(header.name)
          ? (v: unknown) => (v == null ? '-' : String(v))
          : undefined;
  return text
    ? (row: Record<string, unknown>) => <Cell text={text(row[header.name])} />
    : undefined;
};

const YEAR_OPERATORS = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$null', '$notNull'].map(
  (value) => ({
    value,
    label: { id: `components.FilterOptions.FILTER_TYPES.${value}`, defaultMessage: value },
  }),
);

export const registerThaiFields = (app: StrapiApp) => {
  app.addFields([
    { type: 'enumeration', Component: EnumerationField as React.ComponentType },
    { type: 'boolean', Component: BooleanField as React.ComponentType },
    { type: 'integer', Component: IntegerField as React.ComponentType },
    { type: 'date', Component: DateField as React.ComponentType },
    { type: 'datetime', Component: DateTimeField as React.ComponentType },
  ]);

  app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', (args: ListHookArgs) => ({
    ...args,
    displayedHeaders: args.displayedHeaders.map((header) => {
      if (header.cellFormatter) return header;
      const cellFormatter = formatCell(header);
      return cellFormatter ? { ...header, cellFormatter } : header;
    }),
  }));

  app.registerHook('Admin/CM/pages/ListView/inject-in-filters', (args: FilterHookArgs) => ({
    ...args,
    displayedFilters: args.displayedFilters.map((filter) => {
      if (filter.type === 'enumeration' && Array.isArray(filter.options))
        return {
          ...filter,
          options: filter.options.map((o) => {
            const value = typeof o === 'string' ? o : o.value;
            return { value, label: enumLabel(filter.name, value) };
          }),
          input: filter.input ?? FilterSelect,
        };
      if (filter.type === 'integer' && isYearField(filter.name))
        // A year filter's box and chip read "2569", not "2,569" (the numeric input and chip group
        // digits): typed as text, with the numeric operators.
        return { ...filter, type: 'string', operators: YEAR_OPERATORS };
      if (filter.type === 'boolean')
        return {
          ...filter,
          type: 'enumeration',
          options: [
            { value: 'true', label: BOOLEAN_LABELS.true },
            { value: 'false', label: BOOLEAN_LABELS.false },
          ],
          input: filter.input ?? FilterSelect,
        };
      return filter;
    }),
  }));
};
