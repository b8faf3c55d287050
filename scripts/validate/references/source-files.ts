import { Project } from '../core/project';
import { Problem, warning } from '../core/types';
import { ApexScan, scanApex } from './apex-source';
import { parseXml, XmlElement } from './xml';

/** The project's package files, each XML file parsed at most once for the catalog and the extractors. */
export class SourceFiles {
  /** Files that could not be parsed: left to the metadata-xml check, noted here as warnings. */
  readonly unparsable: Problem[] = [];
  private readonly parsed = new Map<string, XmlElement | undefined>();
  private readonly scanned = new Map<string, ApexScan>();

  constructor(readonly project: Project) {}

  withSuffix(...suffixes: string[]): string[] {
    return this.project.packageFilesEndingWith(...suffixes);
  }

  text(file: string): string {
    return this.project.read(file);
  }

  xml(file: string): XmlElement | undefined {
    if (!this.parsed.has(file)) {
      let root: XmlElement | undefined;
      try {
        root = parseXml(this.project.read(file));
      } catch (cause) {
        const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
        this.unparsable.push(warning(file, `not checked for references: the XML does not parse (${reason}).`));
      }
      this.parsed.set(file, root);
    }
    return this.parsed.get(file);
  }

  /** An Apex file scanned once: its comment-free code and its static SOQL. */
  apex(file: string): ApexScan {
    let scan = this.scanned.get(file);
    if (!scan) {
      scan = scanApex(this.project.read(file));
      this.scanned.set(file, scan);
    }
    return scan;
  }
}
