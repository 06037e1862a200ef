/**
 * The design-document sections a thread can be pinned to: the template's headings below the title,
 * each by its GitHub anchor slug (`index-strategy`, `backup--recovery`), the same slug the exported
 * document's table of contents links to.
 */
import { githubSlug } from '../design-doc/front-matter';
import { TEMPLATE_HEADINGS } from '../design-doc/template';

export interface DesignSection {
  slug: string;
  title: string;
  level: number;
}

export const DESIGN_SECTIONS: readonly DesignSection[] = TEMPLATE_HEADINGS.filter((h) => h.level > 1).map((h) => ({ slug: githubSlug(h.text), title: h.text, level: h.level }));

const BY_SLUG = new Map(DESIGN_SECTIONS.map((s) => [s.slug, s]));

export function designSection(slug: string): DesignSection | undefined {
  return BY_SLUG.get(slug);
}

/** The section a rendered heading's text names, or undefined for any other heading. */
export function sectionOfHeading(text: string): DesignSection | undefined {
  return BY_SLUG.get(githubSlug(text));
}
