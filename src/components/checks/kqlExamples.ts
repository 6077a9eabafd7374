/** The ```kql code blocks of a Markdown text, in order: the lesson's runnable examples. */
export function kqlExamples(markdown: string): string[] {
  return [...markdown.matchAll(/^```kql[^\n]*\n([\s\S]*?)^```/gm)].map((match) =>
    match[1]!.replace(/\n$/, ''),
  );
}
