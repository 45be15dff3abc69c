import { type Locate, locateNearest } from '../json/locate.js';
import { GenCollectionError } from '../errors.js';
import { formatProblemLine, type Place, Warnings } from '../warnings.js';
import { withSpecLine } from './spec-lines.js';
import { problemOf } from './spec-problem.js';

/** What `GeneratedPlaces` needs to know about one `openapi` run. */
export interface GeneratedOrigin {
  /** The file name the merged config is checked under (messages about it carry this name). */
  checkedAs: string;
  spec: { file: string; locate?: Locate };
  /** Config pointer of each generated folder and request → the spec pointer it comes from (`specToConfig`'s `sources`). */
  sources: ReadonlyMap<string, string>;
  /** How many top-level items the spec gave: the `-c` config's own items follow them. */
  generatedItems: number;
  /** The `-c` config, when given. */
  config?: { file: string; locate?: Locate };
}

/**
 * Where a problem about the config generated from a spec really is, so that nothing `openapi` reports points
 * into that config, which the user never saw: a folder or request the spec gave → the spec (its pointer, and
 * line for YAML); what the `-c` config gave → that config (its own pointer and line); anything else → the spec.
 */
export class GeneratedPlaces {
  constructor(private readonly origin: GeneratedOrigin) {}

  /** The place a problem about the checked config really is. */
  place(place: Place): Place {
    const { checkedAs, spec, sources, generatedItems, config } = this.origin;
    if (place.file !== checkedAs || place.pointer === undefined) return place;
    for (let at = place.pointer; at.startsWith('/items/'); at = at.slice(0, at.lastIndexOf('/'))) {
      const from = sources.get(at);
      if (from !== undefined)
        return withSpecLine({ file: spec.file, pointer: from, fix: place.fix }, spec.file, spec.locate);
    }
    if (config) {
      const own = place.pointer.replace(/^\/items\/(\d+)/, (_, i: string) => `/items/${Number(i) - generatedItems}`);
      // a key the config itself has (its top-level key is there), else one the spec gave
      const top = own.split('/').slice(0, 2).join('/');
      if (own === place.pointer && !config.locate?.(top)) return { file: spec.file, fix: place.fix };
      return { file: config.file, pointer: own, line: locateNearest(config.locate, own)?.line, fix: place.fix };
    }
    return { file: spec.file, fix: place.fix };
  }

  /** A warnings bag whose places are mapped; its list goes into the run's bag once the check is done. */
  warnings(): Warnings {
    return new MappedWarnings((problem, place) => {
      const mapped = place && this.place(place);
      return { problem: this.pointersIn(problem, mapped?.file), place: mapped };
    });
  }

  /**
   * Item pointers a problem names in its words, mapped the same way: `… also named "x" (/items/0)`, and the
   * places of the output collection a warning lists (`x.postman_collection.json#/item/0/item/2/request/body/raw`,
   * whose items are the config's, in order) as the spec's `api.json#/paths/~1pets/post`.
   */
  private pointersIn(problem: string, file: string | undefined): string {
    const inOutput = problem
      .replace(/\S+\.postman_collection\.json#((?:\/item\/\d+)+)[^\s,;]*/g, (whole, items: string) => {
        const place = this.place({ file: this.origin.checkedAs, pointer: items.replace(/\/item\//g, '/items/') });
        return place.pointer === undefined ? whole : `${place.file}#${place.pointer}`;
      })
      .replace(/\S+\.postman_collection\.json#\/info\/description\b/g, () => {
        const { config, spec } = this.origin;
        return config?.locate?.('/description') ? `${config.file}#/description` : `${spec.file}#/info/description`;
      });
    return inOutput.replace(/\((\/items\/\d+(?:\/items\/\d+)*)\)/g, (whole, pointer: string) => {
      const place = this.place({ file: this.origin.checkedAs, pointer });
      if (place.pointer === undefined) return whole;
      return place.file === file ? `(${place.pointer})` : `(${place.file}: ${place.pointer})`;
    });
  }

  /** The error with its place (or the places of the problems it lists) mapped; other errors as they are. */
  error(error: unknown): unknown {
    if (!(error instanceof GenCollectionError) || error.file !== this.origin.checkedAs) return error;
    const listed = problemOf(error)
      .split('\n')
      .map((line) => this.listedLine(line))
      .join('\n');
    const place = this.place({ file: error.file, pointer: error.pointer, fix: error.fix });
    return new GenCollectionError(error.code, listed, {
      file: place.file,
      pointer: place.pointer,
      line: place.line,
      fix: place.fix,
      exitCode: error.exitCode,
    });
  }

  /** One `  file:line: /pointer: problem. fix: …` line of a problem list, its place mapped. */
  private listedLine(line: string): string {
    const prefix = `  ${this.origin.checkedAs}`;
    if (!line.startsWith(prefix)) return line;
    const match = /^(?::\d+)?: (\/\S*|\/): (.*)$/s.exec(line.slice(prefix.length));
    if (!match) return line;
    const place = this.place({ file: this.origin.checkedAs, pointer: match[1] === '/' ? '' : match[1] });
    return `  ${formatProblemLine(match[2]!, place)}`;
  }
}

/** A warnings bag that files each warning under its mapped place. */
class MappedWarnings extends Warnings {
  constructor(private readonly map: (problem: string, place?: Place) => { problem: string; place?: Place }) {
    super();
  }

  override add(problem: string, place?: Place): void {
    const mapped = this.map(problem, place);
    super.add(mapped.problem, mapped.place);
  }
}
