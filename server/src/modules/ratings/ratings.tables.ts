export interface RatingsTables {
  dossier_rating: {
    dossier_id: string;
    overall: 'very_satisfied' | 'satisfied' | 'dissatisfied';
    total_time_score: number | null;
    unit_time_score: number | null;
    contacts_score: number;
    agencies_score: number;
    extra_contacts: number;
    agencies_contacted: number;
    comment: string | null;
    source: 'portal' | 'sms' | 'kiosk';
    receiving_unit_id: string;
    competent_unit_id: string;
    rated_at: Date;
  };
}
