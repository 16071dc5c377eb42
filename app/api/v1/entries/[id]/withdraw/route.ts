import { entryTransitionRoute } from '../../../_lib/entry-transition';

export const { POST, GET, PUT, PATCH, DELETE } = entryTransitionRoute('withdraw');
