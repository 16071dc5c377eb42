/**
 * Titles of the taxonomy the commitments are tagged with, copied from
 * `seed/source/gcm-objectives.md` (GCM: A/RES/73/195; SDG targets: short titles).
 */
import type { SdgTarget } from '../lib/taxonomy';

/** The 23 objectives of the Global Compact for Safe, Orderly and Regular Migration. */
export const GCM_OBJECTIVE_TITLES: Record<number, string> = {
  1: 'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies',
  2: 'Minimize the adverse drivers and structural factors that compel people to leave their country of origin',
  3: 'Provide accurate and timely information at all stages of migration',
  4: 'Ensure that all migrants have proof of legal identity and adequate documentation',
  5: 'Enhance availability and flexibility of pathways for regular migration',
  6: 'Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work',
  7: 'Address and reduce vulnerabilities in migration',
  8: 'Save lives and establish coordinated international efforts on missing migrants',
  9: 'Strengthen the transnational response to smuggling of migrants',
  10: 'Prevent, combat and eradicate trafficking in persons in the context of international migration',
  11: 'Manage borders in an integrated, secure and coordinated manner',
  12: 'Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral',
  13: 'Use migration detention only as a measure of last resort and work towards alternatives',
  14: 'Enhance consular protection, assistance and cooperation throughout the migration cycle',
  15: 'Provide access to basic services for migrants',
  16: 'Empower migrants and societies to realize full inclusion and social cohesion',
  17: 'Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration',
  18: 'Invest in skills development and facilitate mutual recognition of skills, qualifications and competences',
  19: 'Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries',
  20: 'Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants',
  21: 'Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration',
  22: 'Establish mechanisms for the portability of social security entitlements and earned benefits',
  23: 'Strengthen international cooperation and global partnerships for safe, orderly and regular migration',
};

/** Short titles of the SDG targets the report touches (every key of `SDG_TARGETS`). */
export const SDG_TARGET_TITLES: Record<SdgTarget, string> = {
  '5.2':
    'Eliminate violence against women and girls, including trafficking and sexual and other exploitation',
  '8.7': 'Eradicate forced labour, end modern slavery and human trafficking, end child labour',
  '8.8':
    'Protect labour rights and safe working environments for all workers, including migrant workers',
  '10.3': 'Ensure equal opportunity; eliminate discriminatory laws, policies and practices',
  '10.7': 'Facilitate orderly, safe, regular and responsible migration and mobility of people',
  '16.2': 'End abuse, exploitation, trafficking and all forms of violence against children',
  '16.3': 'Promote the rule of law and ensure equal access to justice for all',
  '16.5': 'Substantially reduce corruption and bribery in all their forms',
  '17.18':
    'Increase the availability of high-quality data disaggregated by migratory status and other characteristics',
};
