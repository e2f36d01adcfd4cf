import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { ProblemFieldError } from '@motcua/core/http/problem.ts';
import { t } from '../../platform/i18n.ts';

// ajv-formats is CommonJS with a default export.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

/**
 * The server's check of a submitted form against the same JSON Schema the browser validated with
 * (ajv, draft-07, all errors), turned into field errors at `body.data.<path>` in Vietnamese and English.
 */
const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: false });
(addFormats as unknown as (a: Ajv) => void)(ajv);

const compiled = new Map<string, ValidateFunction>();

/** A schema an admin wants to publish: does it compile? (ajv's message says where it breaks.) */
export function schemaProblem(schema: Record<string, unknown>): string | null {
  try {
    ajv.compile(schema);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function validatorFor(formId: string, schema: Record<string, unknown>) {
  let v = compiled.get(formId);
  if (!v) compiled.set(formId, (v = ajv.compile(schema)));
  return v;
}

function pathOf(error: ErrorObject) {
  const parts = error.instancePath.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') parts.push(String((error.params as { missingProperty: string }).missingProperty));
  if (error.keyword === 'dependencies' || error.keyword === 'dependentRequired') parts.push(String((error.params as { missingProperty?: string }).missingProperty ?? ''));
  return ['body', 'data', ...parts.filter(Boolean)].reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

function messageOf(error: ErrorObject) {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
    case 'dependencies':
    case 'dependentRequired':
      return t('Bắt buộc phải có', 'Required');
    case 'type':
      return t(`Sai kiểu dữ liệu: cần ${String(p.type)}`, `Wrong type: expected ${String(p.type)}`);
    case 'minLength':
      return Number(p.limit) <= 1 ? t('Không được để trống', 'Must not be empty') : t(`Ngắn hơn ${String(p.limit)} ký tự`, `Shorter than ${String(p.limit)} characters`);
    case 'maxLength':
      return t(`Dài quá ${String(p.limit)} ký tự`, `Longer than ${String(p.limit)} characters`);
    case 'pattern':
      return t('Không đúng định dạng', 'Not in the expected format');
    case 'format':
      return p.format === 'date' ? t('Ngày phải có dạng YYYY-MM-DD và là ngày có thật', 'A date must be YYYY-MM-DD and exist') : p.format === 'email' ? t('Địa chỉ thư điện tử không hợp lệ', 'Not a valid email address') : t(`Không đúng định dạng ${String(p.format)}`, `Not a valid ${String(p.format)}`);
    case 'enum':
    case 'const':
      return t('Giá trị không nằm trong danh sách cho phép', 'Not one of the allowed values');
    case 'minimum':
    case 'exclusiveMinimum':
      return t(`Nhỏ hơn mức tối thiểu ${String(p.limit)}`, `Less than the minimum ${String(p.limit)}`);
    case 'maximum':
    case 'exclusiveMaximum':
      return t(`Lớn hơn mức tối đa ${String(p.limit)}`, `Greater than the maximum ${String(p.limit)}`);
    case 'additionalProperties':
      return t(`Trường không có trong biểu mẫu: ${String(p.additionalProperty)}`, `Field not in the form: ${String(p.additionalProperty)}`);
    case 'minItems':
      return t(`Cần ít nhất ${String(p.limit)} mục`, `At least ${String(p.limit)} items`);
    case 'maxItems':
      return t(`Nhiều nhất ${String(p.limit)} mục`, `At most ${String(p.limit)} items`);
    default:
      return t(`Không hợp lệ (${error.keyword})`, `Invalid (${error.keyword})`);
  }
}

/** Field errors for the form data, or an empty list when it fits the schema. */
export function validateFormData(formId: string, schema: Record<string, unknown>, data: unknown): ProblemFieldError[] {
  const validate = validatorFor(formId, schema);
  if (validate(data)) return [];
  const seen = new Set<string>();
  const out: ProblemFieldError[] = [];
  for (const error of validate.errors ?? []) {
    // "if" only says a "then" branch failed; that branch's own errors are listed too.
    if (error.keyword === 'if') continue;
    const path = pathOf(error);
    const key = `${path}:${error.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, code: `schema_${error.keyword}`, message: messageOf(error) });
  }
  return out;
}
