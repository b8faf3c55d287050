import { TYPE_CORRECTIONS } from './allow-list';
import { MetadataTypeModel, metadataTypesPath } from './type-model';

let sharedModel: MetadataTypeModel | undefined;

/** The Metadata API type model with the allow-list's corrections, built once per process (~0.2 s) on first use. */
export function metadataTypeModel(): MetadataTypeModel {
  sharedModel ??= MetadataTypeModel.fromFile(metadataTypesPath(), TYPE_CORRECTIONS);
  return sharedModel;
}
