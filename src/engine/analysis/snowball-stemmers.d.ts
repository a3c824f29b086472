/** Types for snowball-stemmers 0.6 (it ships none): the two functions its README documents. */
declare module "snowball-stemmers" {
  interface SnowballStemmer {
    /** The stem of one lower-case word. */
    stem(word: string): string;
  }
  const snowball: {
    /** A stemmer for a Snowball algorithm name ("english", "dutch", …); throws on an unknown name. */
    newStemmer(algorithm: string): SnowballStemmer;
    algorithms(): string[];
  };
  export default snowball;
}
