/** The MDX blocks every article can use without imports (passed to <Content components>). */
import Fact from './Fact.astro';
import KeyFacts from './KeyFacts.astro';
import Known from './Known.astro';
import Photo from './Photo.astro';
import Quote from './Quote.astro';
import TimelineExcerpt from './TimelineExcerpt.astro';
import WeDontKnow from './WeDontKnow.astro';
import WeKnow from './WeKnow.astro';

export const blocks = { KeyFacts, Fact, Quote, Photo, TimelineExcerpt, Known, WeKnow, WeDontKnow };
