/** The checkbox groups of the commitment form: sent as lists, empty when none is ticked. */
export const COMMITMENT_LISTS = [
  'dutyBearers',
  'rightsHolders',
  'gcmObjectives',
  'sdgTargets',
] as const;
