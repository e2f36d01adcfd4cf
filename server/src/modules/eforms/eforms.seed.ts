import { randomUUID } from 'node:crypto';
import type { Db } from '../../database.ts';

/**
 * Demo e-forms for three procedures of the demo catalog. The `applicant` section is common: the portal
 * pre-fills it from the citizen's e-ID profile (uiSchema `ui:options.prefill`) and the submission takes
 * the applicant's identity from it.
 */
const applicant = {
  type: 'object',
  title: 'Người yêu cầu',
  required: ['fullName', 'idNumber', 'phone', 'address'],
  properties: {
    fullName: { type: 'string', title: 'Họ, chữ đệm và tên', minLength: 2, maxLength: 150 },
    idNumber: { type: 'string', title: 'Số định danh cá nhân (12 chữ số)', pattern: '^\\d{12}$' },
    birthDate: { type: 'string', title: 'Ngày sinh', format: 'date' },
    phone: { type: 'string', title: 'Số điện thoại', pattern: '^(0|\\+84)\\d{9,10}$' },
    email: { type: 'string', title: 'Thư điện tử', format: 'email' },
    address: {
      type: 'object',
      title: 'Nơi cư trú',
      required: ['communeCode', 'detail'],
      properties: { communeCode: { type: 'string', title: 'Xã, phường', pattern: '^\\d{5}$' }, detail: { type: 'string', title: 'Số nhà, đường, thôn, ấp', minLength: 1, maxLength: 300 } },
    },
  },
};
const applicantUi = {
  'ui:order': ['fullName', 'idNumber', 'birthDate', 'phone', 'email', 'address'],
  fullName: { 'ui:options': { prefill: 'fullName' } },
  idNumber: { 'ui:options': { prefill: 'idNumber', inputMode: 'numeric' } },
  birthDate: { 'ui:widget': 'date', 'ui:options': { prefill: 'birthDate' } },
  phone: { 'ui:options': { prefill: 'phone', inputType: 'tel' } },
  email: { 'ui:options': { inputType: 'email' } },
  address: { 'ui:field': 'address', 'ui:options': { prefill: 'address' } },
};

export const DEMO_EFORMS: { procedureCode: string; title: string; schema: Record<string, unknown>; uiSchema: Record<string, unknown> }[] = [
  {
    procedureCode: '1.001193',
    title: 'Tờ khai đăng ký khai sinh',
    schema: {
      type: 'object',
      required: ['applicant', 'relation', 'child'],
      properties: {
        applicant,
        relation: { type: 'string', title: 'Quan hệ với người được khai sinh', enum: ['Cha', 'Mẹ', 'Ông, bà', 'Người khác'] },
        child: {
          type: 'object',
          title: 'Người được khai sinh',
          required: ['fullName', 'sex', 'birthDate', 'birthPlace'],
          properties: {
            fullName: { type: 'string', title: 'Họ, chữ đệm và tên', minLength: 2, maxLength: 150 },
            sex: { type: 'string', title: 'Giới tính', enum: ['Nam', 'Nữ'] },
            birthDate: { type: 'string', title: 'Ngày sinh', format: 'date' },
            birthPlace: { type: 'string', title: 'Nơi sinh', minLength: 2, maxLength: 300 },
            ethnicity: { type: 'string', title: 'Dân tộc', default: 'Kinh', maxLength: 50 },
          },
        },
        copies: { type: 'integer', title: 'Số bản sao trích lục yêu cầu', minimum: 0, maximum: 10, default: 1 },
      },
      allOf: [{ if: { properties: { relation: { const: 'Người khác' } }, required: ['relation'] }, then: { properties: { relationOther: { type: 'string', title: 'Ghi rõ quan hệ', minLength: 2, maxLength: 100 } }, required: ['relationOther'] } }],
    },
    uiSchema: { 'ui:order': ['applicant', 'relation', 'relationOther', 'child', 'copies'], applicant: applicantUi, relation: { 'ui:widget': 'radio' }, child: { sex: { 'ui:widget': 'radio' }, birthDate: { 'ui:widget': 'date' } } },
  },
  {
    procedureCode: '1.004873',
    title: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
    schema: {
      type: 'object',
      required: ['applicant', 'maritalStatus', 'purpose'],
      properties: {
        applicant,
        maritalStatus: { type: 'string', title: 'Tình trạng hôn nhân hiện nay', enum: ['Chưa kết hôn', 'Đã ly hôn', 'Vợ/chồng đã chết'] },
        purpose: { type: 'string', title: 'Mục đích sử dụng', minLength: 3, maxLength: 300 },
      },
      allOf: [
        {
          if: { properties: { maritalStatus: { const: 'Đã ly hôn' } }, required: ['maritalStatus'] },
          then: { properties: { divorceDecision: { type: 'string', title: 'Số bản án / quyết định ly hôn', minLength: 2, maxLength: 100 } }, required: ['divorceDecision'] },
        },
      ],
    },
    uiSchema: { 'ui:order': ['applicant', 'maritalStatus', 'divorceDecision', 'purpose'], applicant: applicantUi, maritalStatus: { 'ui:widget': 'radio' }, purpose: { 'ui:widget': 'textarea' } },
  },
  {
    procedureCode: '1.004222',
    title: 'Tờ khai thay đổi thông tin cư trú (đăng ký thường trú)',
    schema: {
      type: 'object',
      required: ['applicant', 'newAddress', 'housing'],
      properties: {
        applicant,
        newAddress: {
          type: 'object',
          title: 'Địa chỉ đăng ký thường trú',
          required: ['communeCode', 'detail'],
          properties: { communeCode: { type: 'string', pattern: '^\\d{5}$' }, detail: { type: 'string', minLength: 1, maxLength: 300 } },
        },
        housing: { type: 'string', title: 'Chỗ ở hợp pháp', enum: ['Nhà thuộc sở hữu của tôi', 'Thuê, mượn, ở nhờ', 'Về ở với người thân'] },
      },
      allOf: [
        {
          if: { properties: { housing: { const: 'Thuê, mượn, ở nhờ' } }, required: ['housing'] },
          then: { properties: { ownerName: { type: 'string', title: 'Họ tên chủ hộ / chủ nhà đồng ý', minLength: 2, maxLength: 150 } }, required: ['ownerName'] },
        },
      ],
    },
    uiSchema: { 'ui:order': ['applicant', 'newAddress', 'housing', 'ownerName'], applicant: applicantUi, newAddress: { 'ui:field': 'address' }, housing: { 'ui:widget': 'radio' } },
  },
];

/** Seeds the demo e-forms for the procedures present in the catalog (once). */
export async function seedDemoEforms(db: Db) {
  const existing = await db.selectFrom('eform').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const present = await db.selectFrom('procedure').select('code').where('code', 'in', DEMO_EFORMS.map((f) => f.procedureCode)).execute();
  for (const f of DEMO_EFORMS.filter((x) => present.some((p) => p.code === x.procedureCode)))
    await db.insertInto('eform').values({ id: randomUUID(), procedure_code: f.procedureCode, version: 1, title: f.title, schema: JSON.stringify(f.schema), ui_schema: JSON.stringify(f.uiSchema), active: true, created_at: new Date(), created_by: null }).execute();
}
