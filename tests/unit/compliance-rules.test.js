/**
 * Cadence rules at their boundaries: due dates per cadence and per-item overrides, 1 October,
 * month ends (February in a leap year), BE years, the end of the grace of monthly items, and
 * how entries decide complete / declared_none / in_review / overdue / missing.
 */
const {
  dueDateOf,
  monthlyDueDates,
  dateInFiscalYear,
  evaluate,
  todayInBangkok,
  counts,
} = require('../../dist/src/compliance/rules');
const { parseFiscalYear } = require('../../dist/src/ita/fiscal-year');

const entry = (over = {}) => ({
  documentId: over.documentId || `d${Math.random().toString(36).slice(2, 8)}`,
  type: 'report',
  title: 't',
  published: true,
  publishedAt: '2025-11-01T00:00:00.000Z',
  workflowState: 'published',
  isNone: false,
  fiscalYear: 2569,
  month: null,
  date: null,
  period: null,
  ...over,
});

describe('dates in a Thai fiscal year', () => {
  test('October–December belong to the previous CE year; BE = CE + 543', () => {
    expect(dateInFiscalYear(2569, 10, 1)).toBe('2025-10-01');
    expect(dateInFiscalYear(2569, 9, 30)).toBe('2026-09-30');
    expect(dateInFiscalYear(2569, 12, 31)).toBe('2025-12-31');
    expect(dateInFiscalYear(2567, 2, 31)).toBe('2024-02-29'); // leap year, clamped
    expect(dateInFiscalYear(parseFiscalYear('๒๕๖๙'), 3, 31)).toBe('2026-03-31');
  });

  test('today is judged in Bangkok: 16:59 UTC on 30 Sep is still 30 Sep… 17:00 is 1 Oct', () => {
    expect(todayInBangkok(new Date('2026-09-30T16:59:59Z'))).toBe('2026-09-30');
    expect(todayInBangkok(new Date('2026-09-30T17:00:00Z'))).toBe('2026-10-01');
  });
});

describe('due dates per cadence', () => {
  test.each([
    ['standing', '2025-10-31'],
    ['unknown', '2025-10-31'],
    ['annual_current_fy', '2025-12-31'],
    ['multi_year_covering_current_fy', '2025-12-31'],
    ['annual_previous_fy', '2026-03-31'],
    ['event_current_fy', '2026-03-31'],
    ['half_year_current_fy', '2026-04-30'],
  ])('%s in 2569 → %s', (cadence, due) => {
    expect(dueDateOf({ cadence }, 2569)).toBe(due);
  });

  test('an item may set its own due date', () => {
    expect(dueDateOf({ cadence: 'annual_previous_fy', dueMonth: 1, dueDay: 15 }, 2569)).toBe(
      '2026-01-15',
    );
    expect(dueDateOf({ cadence: 'standing', dueMonth: 11 }, 2569)).toBe('2025-11-30');
    expect(dueDateOf({ cadence: 'standing', dueMonth: 2, dueDay: 30 }, 2568)).toBe('2025-02-28');
  });

  test('monthly: each month by the end of the next; December → end of January; or month end + grace', () => {
    const months = monthlyDueDates(2569);
    expect(months[0]).toEqual({ year: 2025, month: 10, due: '2025-11-30' });
    expect(months[2]).toEqual({ year: 2025, month: 12, due: '2026-01-31' });
    expect(months[3]).toEqual({ year: 2026, month: 1, due: '2026-02-28' });
    expect(months[11]).toEqual({ year: 2026, month: 9, due: '2026-10-31' });
    expect(monthlyDueDates(2567)[3].due).toBe('2024-02-29');
    expect(monthlyDueDates(2569, 15)[0].due).toBe('2025-11-15');
    expect(monthlyDueDates(2569, 0)[1].due).toBe('2025-11-30');
  });
});

describe('status of an item', () => {
  const rule = (cadence, extra = {}) => ({ cadence, ...extra });

  test('nothing: missing until the due date, overdue the day after', () => {
    expect(evaluate(rule('annual_current_fy'), 2569, [], '2025-12-31').status).toBe('missing');
    expect(evaluate(rule('annual_current_fy'), 2569, [], '2026-01-01').status).toBe('overdue');
    expect(evaluate(rule('standing'), 2569, [], '2025-10-01').status).toBe('missing');
    expect(evaluate(rule('standing'), 2569, [], '2025-11-01').status).toBe('overdue');
  });

  test('a published entry of the right year completes it; of the wrong year does not', () => {
    expect(evaluate(rule('annual_current_fy'), 2569, [entry()], '2026-05-01').status).toBe(
      'complete',
    );
    expect(
      evaluate(rule('annual_current_fy'), 2569, [entry({ fiscalYear: 2568 })], '2026-05-01').status,
    ).toBe('overdue');
    expect(
      evaluate(rule('annual_previous_fy'), 2569, [entry({ fiscalYear: 2568 })], '2026-05-01')
        .status,
    ).toBe('complete');
    expect(
      evaluate(rule('annual_previous_fy'), 2569, [entry({ fiscalYear: 2569 })], '2026-05-01')
        .status,
    ).toBe('overdue');
  });

  test('an explicit "none" is declared_none; a real entry beats it', () => {
    const none = entry({ isNone: true });
    expect(evaluate(rule('event_current_fy'), 2569, [none], '2026-05-01').status).toBe(
      'declared_none',
    );
    expect(evaluate(rule('event_current_fy'), 2569, [none, entry()], '2026-05-01').status).toBe(
      'complete',
    );
  });

  test('evidence not yet published is in_review, even after the due date', () => {
    const draft = entry({ published: false, publishedAt: null, workflowState: 'submitted' });
    expect(evaluate(rule('annual_current_fy'), 2569, [draft], '2026-05-01').status).toBe(
      'in_review',
    );
  });

  test('multi-year plans count when their period covers the whole fiscal year', () => {
    const plan = (start, end) => entry({ fiscalYear: null, period: { start, end } });
    const r = rule('multi_year_covering_current_fy');
    expect(evaluate(r, 2569, [plan('2022-10-01', '2027-09-30')], '2026-05-01').status).toBe(
      'complete',
    );
    expect(evaluate(r, 2569, [plan('2025-10-02', '2027-09-30')], '2026-05-01').status).toBe(
      'overdue',
    );
  });

  test('half-year: a period reaching the end of March, or the six monthly summaries Oct–Mar', () => {
    expect(
      counts(
        'half_year_current_fy',
        entry({ period: { start: '2025-10-01', end: '2026-03-31' } }),
        2569,
      ),
    ).toBe(true);
    expect(
      counts(
        'half_year_current_fy',
        entry({ period: { start: '2025-10-01', end: '2026-02-28' } }),
        2569,
      ),
    ).toBe(false);
    expect(counts('half_year_current_fy', entry({ month: 4 }), 2569)).toBe(false);
    expect(counts('half_year_current_fy', entry({ month: 3 }), 2569)).toBe(true);
  });

  describe('monthly items', () => {
    const month = (m, extra = {}) => entry({ type: 'procurement-summary', month: m, ...extra });
    const r = rule('monthly');

    test('nothing due before the end of November; October is late from 1 December', () => {
      expect(evaluate(r, 2569, [], '2025-11-30').status).toBe('missing');
      const late = evaluate(r, 2569, [], '2025-12-01');
      expect(late.status).toBe('overdue');
      expect(late.missingMonths).toEqual([10]);
      expect(late.dueDate).toBe('2025-11-30');
    });

    test('every month due so far covered → complete; "no procurement" months count', () => {
      const e = [month(10), month(11, { isNone: true }), month(12)];
      const res = evaluate(r, 2569, e, '2026-02-01');
      expect(res.status).toBe('complete');
      expect(res.dueDate).toBe('2026-02-28'); // January, next to come due
      expect(evaluate(r, 2569, [month(10, { isNone: true })], '2025-12-15').status).toBe(
        'declared_none',
      );
    });

    test('a gap is overdue, with the missing months; a pending draft for it is in_review', () => {
      const res = evaluate(r, 2569, [month(10), month(12)], '2026-02-01');
      expect(res.status).toBe('overdue');
      expect(res.missingMonths).toEqual([11]);
      const pending = month(11, {
        published: false,
        publishedAt: null,
        workflowState: 'submitted',
      });
      expect(evaluate(r, 2569, [month(10), month(12), pending], '2026-02-01').status).toBe(
        'in_review',
      );
    });

    test('a summary of another fiscal year does not count', () => {
      expect(evaluate(r, 2569, [month(10, { fiscalYear: 2568 })], '2025-12-01').status).toBe(
        'overdue',
      );
    });
  });
});

describe('review-by, carried evidence, evidence elements and the public subset', () => {
  const { publicStatusOf } = require('../../dist/src/compliance/rules');
  const standing = { cadence: 'standing' };
  const profile = (over = {}) =>
    entry({ fiscalYear: null, publishedAt: '2025-11-15T05:00:00.000Z', ...over });

  test('standing evidence is current for 12 months after publication or confirmation', () => {
    expect(evaluate(standing, 2570, [profile()], '2026-11-15').status).toBe('complete');
    expect(evaluate(standing, 2570, [profile()], '2026-11-16').status).toBe('to_review');
    const confirmed = profile({ reviewedAt: '2026-11-01T05:00:00.000Z' });
    expect(evaluate(standing, 2570, [confirmed], '2026-11-16').status).toBe('complete');
    // Per-item override.
    expect(
      evaluate({ ...standing, reviewMonths: 24 }, 2570, [profile()], '2027-01-01').status,
    ).toBe('complete');
    // One current entry is enough.
    const fresh = profile({ publishedAt: '2026-10-20T05:00:00.000Z' });
    expect(evaluate(standing, 2570, [profile(), fresh], '2026-12-01').status).toBe('complete');
  });

  test('a fiscal year that has ended is judged for currency as it stood on 30 September', () => {
    // Review-by 2026-11-15 is after 2569 ended: 2569 stays complete, 2570 is to be reviewed.
    expect(evaluate(standing, 2569, [profile()], '2026-12-01').status).toBe('complete');
    expect(evaluate(standing, 2570, [profile()], '2026-12-01').status).toBe('to_review');
  });

  test('carried evidence waiting for confirmation is in review, yet published to the public', () => {
    const carried = profile({ carried: 'to_confirm' });
    const ev = evaluate(standing, 2570, [carried], '2026-10-05');
    expect(ev.status).toBe('in_review');
    expect(publicStatusOf(ev, '2026-10-05')).toBe('complete');
    expect(
      evaluate(standing, 2570, [{ ...carried, carried: 'confirmed' }], '2026-10-05').status,
    ).toBe('complete');
  });

  test('evidence elements: unticked → incomplete_evidence; legacy (unknown) counts', () => {
    const rule = { cadence: 'annual_current_fy', hasElements: true };
    expect(evaluate(rule, 2569, [entry({ elementsConfirmed: false })], '2026-01-10').status).toBe(
      'incomplete_evidence',
    );
    expect(evaluate(rule, 2569, [entry({ elementsConfirmed: true })], '2026-01-10').status).toBe(
      'complete',
    );
    expect(evaluate(rule, 2569, [entry({ elementsConfirmed: null })], '2026-01-10').status).toBe(
      'complete',
    );
  });

  test('the public subset: not yet due before the due date, missing after it', () => {
    const rule = { cadence: 'annual_current_fy' };
    const before = evaluate(rule, 2569, [], '2025-12-31');
    const after = evaluate(rule, 2569, [], '2026-01-01');
    expect([before.status, publicStatusOf(before, '2025-12-31')]).toEqual([
      'missing',
      'not_yet_due',
    ]);
    expect([after.status, publicStatusOf(after, '2026-01-01')]).toEqual(['overdue', 'missing']);
    const draft = entry({ published: false, publishedAt: null, workflowState: 'submitted' });
    const late = evaluate(rule, 2569, [draft], '2026-01-01');
    expect([late.status, publicStatusOf(late, '2026-01-01')]).toEqual(['in_review', 'missing']);
  });
});
