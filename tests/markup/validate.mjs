// Validate built pages with html-validate (tests/test_markup.py runs this).
//
// Reads a JSON request on stdin: {"config": "<path of the html-validate config>",
// "files": ["<page.html>", ...], "known": [{"rule": "<rule id>", "selector": "<CSS>"}, ...]}.
// Writes on stdout a JSON list of every error: {file, line, column, rule, message, selector,
// known}, where `known` is the index of the first entry of "known" with that rule whose
// selector the element in question matches (in html-validate's own parse of the page), else
// null. Matching the element, not the message's position, keeps a known error narrow: it
// excuses that element only, on whichever page it is.
import { readFileSync } from "node:fs";
import { HtmlValidate, Parser, StaticConfigLoader } from "html-validate";

const request = JSON.parse(readFileSync(0, "utf-8"));
const loader = new StaticConfigLoader(JSON.parse(readFileSync(request.config, "utf-8")));
const validator = new HtmlValidate(loader);
const errors = [];
for (const file of request.files) {
  const report = await validator.validateFile(file);
  const messages = report.results.flatMap(result => result.messages).filter(m => m.severity === 2);
  if (!messages.length) continue;
  const root = new Parser(await loader.getConfigFor(file)).parseHtml(readFileSync(file, "utf-8"));
  for (const message of messages) {
    const element = message.selector ? root.querySelector(message.selector) : null;
    const known = request.known.findIndex(entry =>
      entry.rule === message.ruleId && element !== null && element.matches(entry.selector));
    errors.push({
      file, line: message.line, column: message.column, rule: message.ruleId,
      message: message.message, selector: message.selector, known: known < 0 ? null : known,
    });
  }
}
process.stdout.write(JSON.stringify(errors));
