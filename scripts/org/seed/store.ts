import { OrgApi } from '../../lib/org-api';
import { soqlList } from '../../lib/soql';
import { SeedStore } from './apply';
import { BatchLookup } from './plan';

// Keeps each query far below SOQL's length limit whatever the values.
const VALUES_PER_QUERY = 200;

/** The query that finds a batch's existing records; oldest first, so a duplicate never wins over the original. */
export function lookupQuery(sobject: string, lookup: BatchLookup, values = lookup.values): string {
  return `SELECT ${lookup.fields.join(', ')} FROM ${sobject} WHERE ${lookup.field} IN ${soqlList(values)} ORDER BY Id`;
}

/** The seed's view of a real org. */
export function orgSeedStore(api: OrgApi): SeedStore {
  return {
    async find(sobject, lookup) {
      const records = [];
      for (let start = 0; start < lookup.values.length; start += VALUES_PER_QUERY) {
        records.push(
          ...(await api.query(lookupQuery(sobject, lookup, lookup.values.slice(start, start + VALUES_PER_QUERY))))
        );
      }
      return records;
    },
    create: (sobject, records) => api.create(sobject, records),
    update: (sobject, records) => api.update(sobject, records)
  };
}
