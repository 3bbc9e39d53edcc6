// A small qualifying workshop as a draft file (the format 保存草稿文件 writes), for tests that
// need a complete application without typing it in.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { creditCode, idNumber } from './people.mjs';

export const APPLICANT = '察哈尔右翼前旗巧手编织有限公司';

export function workshopEnvelope({ people = 5, assessed = '2026-11-25' } = {}) {
  const names = ['乌兰其其格', '张秀兰', '李建军', '王桂英', '巴特尔', '赵春梅', '刘志强', '孙丽娟'];
  const months = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
  const employees = Array.from({ length: people }, (_, i) => ({
    key: i + 1,
    name: names[i % names.length] + (i >= names.length ? String(i) : ''),
    // Unique for up to 300,000 people: day, month and sequence all vary with i.
    id_number: idNumber(
      '150902',
      `1985${String((Math.floor(i / 28) % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}`,
      100 + Math.floor(i / 336),
    ),
    poverty_status: 'alleviated',
    phone: '1390474' + String(1000 + i),
    post: '编织工',
    household_address: '乌兰察布市集宁区',
    // 银行代发 into a 19-digit card, unique for each person (printed in the 工资发放明细表).
    pay_method: 'bank',
    bank_account: '6228480' + String(1_000_000_000_000 + i).slice(1),
    stints: [{ employment_form: 'full_time', agreement_type: 'employment_contract', start: '2026-06-01', end: '', leave_date: '' }],
    insurance: [{ kind: 'work_injury', start: '2026-06-01', end: '' }],
    wages: months.map((m) => {
      const [y, mm] = m.split('-').map(Number);
      return { month: m, days_worked: '22', hours: '', gross: '2500', deductions: '262.50', net: '2237.50', paid_date: `${y}-${String(mm + 1).padStart(2, '0')}-10` };
    }),
  }));
  return {
    format: 'bangfu-draft',
    schema_version: 2,
    saved_at: `${assessed}T09:00:00`,
    draft: {
      applicant: {
        name: APPLICANT, credit_code: creditCode('91150902MA0R5T6U7'), entity_type: 'company', legal_rep: '高娜',
        contact_person: '高娜', phone: '13904741234', registered_address: '内蒙古自治区乌兰察布市集宁区新体路18号', established: '2019-04-01',
      },
      site: {
        prefecture_code: '1509', county_code: '150902', township_code: '150902001', township_other: '', village: '',
        address: '新体路街道工业园区3号厂房', tenure: 'owned', area_m2: '450', lease_start: '', lease_end: '', products: '羊毛编织品', workshop_form: 'labour_intensive',
      },
      employees,
      pay_day: '15',
      rules: { safety: true, labour_discipline: true, workshop_management: true, stable_operation: true },
      declarations: { lawful_operation: true, social_responsibility: true, no_illegal_activity: true, no_pollution: true, no_harmful_activity: true, materials_true: true },
      assessment_date: assessed,
      settings: { seasonal_min_days: 90, seasonal_period: 'calendar_year' },
      extra_holidays: [],
    },
  };
}

let drafts;
/**
 * Writes `env` as a draft file (what 保存草稿文件 saves) named `name` in one temporary directory
 * per test process, for a file input to open; returns its path.
 */
export async function writeDraft(env, name = 'draft.json') {
  drafts ??= mkdtemp(join(tmpdir(), 'bangfu-drafts-'));
  const path = join(await drafts, name);
  await writeFile(path, JSON.stringify(env));
  return path;
}
