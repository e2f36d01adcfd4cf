import type { ErrorTransformer, FieldProps, RJSFSchema, UiSchema } from '@rjsf/utils';
import type { CitizenProfile } from '@motcua/core/citizens/schemas.ts';
import type { TFunction } from 'i18next';
import { AddressInput, type AddressValue } from './AddressInput.tsx';

/** `"ui:field": "address"`: an address in the current units. */
export function AddressField(props: FieldProps) {
  const errs = props.errorSchema as { communeCode?: { __errors?: string[] }; detail?: { __errors?: string[] } } | undefined;
  return (
    <div className="form-group">
      <AddressInput
        value={props.formData as AddressValue | undefined}
        onChange={(v) => props.onChange(v as never, props.fieldPathId.path)}
        label={props.schema.title ?? props.name}
        required={props.required ?? false}
        errors={{ ...(errs?.communeCode?.__errors?.[0] ? { communeCode: errs.communeCode.__errors[0] } : {}), ...(errs?.detail?.__errors?.[0] ? { detail: errs.detail.__errors[0] } : {}) }}
      />
    </div>
  );
}

export const EFORM_FIELDS = { address: AddressField };

type Json = Record<string, unknown>;

function profileValue(profile: CitizenProfile, key: string): unknown {
  switch (key) {
    case 'fullName':
      return profile.fullName;
    case 'idNumber':
      return profile.idNumber;
    case 'birthDate':
      return profile.birthDate;
    case 'phone':
      return profile.phone?.replace(/^\+84/, '0');
    case 'address':
      return profile.address ? { communeCode: profile.address.communeCode ?? undefined, detail: profile.address.detail } : undefined;
    default:
      return undefined;
  }
}

/** Fills the fields whose uiSchema says `ui:options.prefill` from the citizen's profile, where still empty. */
export function prefill(schema: RJSFSchema, ui: UiSchema | undefined, data: Json, profile: CitizenProfile): Json {
  const out: Json = { ...data };
  for (const [key, sub] of Object.entries((schema.properties ?? {}) as Record<string, RJSFSchema>)) {
    const subUi = (ui?.[key] ?? {}) as UiSchema;
    const source = (subUi['ui:options'] as { prefill?: string } | undefined)?.prefill;
    if (source && (out[key] === undefined || out[key] === '')) {
      const v = profileValue(profile, source);
      if (v !== undefined && v !== null) out[key] = v;
    } else if (sub.type === 'object' && sub.properties) out[key] = prefill(sub, subUi, (out[key] as Json | undefined) ?? {}, profile);
  }
  return out;
}

/** The browser's messages for schema errors, in the current language. */
export function errorTransformer(t: TFunction): ErrorTransformer {
  const known = new Set(['required', 'pattern', 'format', 'minLength', 'maxLength', 'enum', 'type', 'minimum', 'maximum']);
  return (errors) =>
    errors
      .filter((e) => e.name !== 'if')
      .map((e) => ({ ...e, message: t(`citizen.formErrors.${known.has(e.name ?? '') ? (e.name as 'required') : 'other'}`) }));
}
