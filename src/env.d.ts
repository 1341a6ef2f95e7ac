declare namespace App {
  interface Locals {
    /** The article being rendered, set by its page for the MDX blocks (src/components/blocks/). */
    article?: import('./model/data.ts').BlockContext;
  }
}
