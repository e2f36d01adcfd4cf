import type { Generated } from 'kysely';

export interface UnitsTables {
  province: { code: string; name: string; short_name: string; abbreviation: string; place_type: string };
  commune: { code: string; name: string; province_code: string };
  legacy_commune_mapping: {
    old_code: string;
    old_name: string;
    old_district_name: string;
    old_province_name: string;
    new_code: string;
    new_name: string;
    new_province_code: string | null;
    note: string | null;
    old_name_key: string;
    old_district_key: string;
    old_province_key: string;
  };
  unit: {
    id: string;
    parent_id: string | null;
    path: string;
    province_code: string;
    kind: string;
    code: string;
    name: string;
    commune_code: string | null;
    address: string | null;
    active: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
}
