import { readFileSync } from 'node:fs';

interface RegistryType {
  name: string;
  children?: { types?: Record<string, RegistryType> };
}

/**
 * Names of the metadata types that `@salesforce/source-deploy-retrieve` (pinned, see package.json) can deploy, child
 * types included. Its registry follows new API releases more closely than `@salesforce/types`: a root element it knows
 * but the types lack is a gap in the types, not a typo.
 */
export function deployableTypeNames(): ReadonlySet<string> {
  const registryPath = require.resolve('@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json');
  const registry = JSON.parse(readFileSync(registryPath, 'utf8')) as { types: Record<string, RegistryType> };
  const names = new Set<string>();
  const collect = (type: RegistryType): void => {
    names.add(type.name);
    Object.values(type.children?.types ?? {}).forEach(collect);
  };
  Object.values(registry.types).forEach(collect);
  return names;
}
