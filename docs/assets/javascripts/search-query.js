/*
 * Search as readers type it, for Material's stock search worker (hooks/search/ builds the
 * indexes; hooks/search/__init__.py explains the design).
 *
 * 1. The query. Material posts each query to its worker as {type: 2, data: query}; the
 *    index it sent first ({type: 0, data: {config, ...}}) carries, under config.query, what
 *    this file needs. Before a query reaches the worker it is prepared with prepare():
 *    Chinese punctuation and quotes become spaces, full-width letters and digits become ASCII
 *    (NFKC), "1,440" becomes "1440", and traditional characters become simplified with the
 *    index's table (made at build time from OpenCC's t2s, hooks/search/simplify.py). In the
 *    Chinese index, a query of several terms finds what holds them all (+a* +b*). For the
 *    English index, the pairs of neighbouring words are added (_youth_federation), which only
 *    an entry holding the whole phrase matches (hooks/search/phrases.py). The search box
 *    keeps what the reader typed.
 * 2. The results. The Chinese index is searched through hidden fields, so Material marks
 *    nothing in the titles and texts it lists: the terms it matched (the h= of each result
 *    link) are marked here instead, where Material marked none; and, as Material does with
 *    what it marks, a text then shows only its first two blocks (paragraphs) with a mark.
 *    A page's own link carries h= empty when only its sections matched: it gets its
 *    sections' terms, or no h= at all. Word pairs are left out of h= and of Material's list
 *    of "Missing" terms.
 * 3. Pasted queries. Material searches on keyup (and on focus). A query pasted from a phone's
 *    menu, dropped in, or picked from the browser's suggestions sends no keyup, and listed
 *    nothing until the next key; nor does a Chinese input method when a candidate is picked.
 *    Each input event, and the end of each composition, is passed on to Material as a keyup;
 *    it searches only when the text changed, so typed queries are not searched twice.
 *
 * No other host, no change to Material's bundle; prepare() also runs under Node, for the
 * tests (tests/search_worker.js).
 */
(function () {
  "use strict";

  // Punctuation readers type around and between Chinese terms, full-width forms included.
  var SEPARATORS = /[\u00b7\u2010-\u2015\u2018-\u201f\u2026\u3000-\u3003\u3008-\u3011\u3014-\u301f\u30fb\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/g;
  var GROUPED = /(\d),(?=\d{3}(?!\d))/g;
  // A phone keyboard's apostrophe (Women’s) is the text's straight one (Women's), not a separator.
  var APOSTROPHE = /([A-Za-z])[\u2019\u02bc]([A-Za-z])/g;

  /* The query as the index is written: see the comment at the top. ``options`` is the
     index's config.query, and ``separator`` its config.separator. */
  function prepare(query, options, separator) {
    options = options || {};
    var text = query.replace(APOSTROPHE, "$1'$2").replace(SEPARATORS, " ").normalize("NFKC").replace(GROUPED, "$1");
    text = simplify(text, options.t2s || {}).replace(/\s+/g, " ").trim();
    if (options.required) text = required(text, options.required, separator);
    return options.pairs ? text + pairs(text, options.pairs, options.stop || [], separator) : text;
  }

  /* The terms of the query, cut as the index cuts them; if there are several, "+a* +b*":
     every term of at most ``size`` characters must be found (a longer one is left as it is,
     for Material to cut). */
  function required(text, size, separator) {
    var terms = text.split(new RegExp(separator || "\\s+")).filter(Boolean);
    if (terms.length < 2) return terms.join("");
    return terms.map(function (term) {
      return Array.from(term).length <= size ? "+" + term + "*" : term;
    }).join(" ");
  }

  /* " _a_b _b_c" for the words a, b, c of the query, cut as the index cuts them, stop words
     left out as the index leaves them out. */
  function pairs(text, join, stop, separator) {
    var words = text.toLowerCase().split(new RegExp(separator || "\\s+")).map(function (word) {
      return word.replace(/^\W+/, "").replace(/\W+$/, "");   // lunr's trimmer
    }).filter(function (word) { return word && stop.indexOf(word) < 0; });
    var out = "";
    for (var i = 1; i < words.length; i++) out += " " + join + words[i - 1] + join + words[i];
    return out;
  }

  /* Greedy longest match with the table, as OpenCC converts. */
  function simplify(text, table) {
    var longest = 1, key, out = "", i = 0, size, chars = Array.from(text);
    for (key in table) longest = Math.max(longest, Array.from(key).length);
    while (i < chars.length) {
      for (size = Math.min(longest, chars.length - i); size > 0; size--) {
        key = chars.slice(i, i + size).join("");
        if (Object.prototype.hasOwnProperty.call(table, key)) break;
      }
      if (size > 0) { out += table[key]; i += size; } else { out += chars[i]; i += 1; }
    }
    return out;
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { prepare: prepare };
    return;
  }
  if (typeof Worker === "undefined") return;  // no worker, no search: nothing to prepare

  // 1. The query, on its way to Material's worker.
  var options = null, separator = null;
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments);
    if (message && message.type === 0 && message.data && message.data.config) {
      options = message.data.config.query || null;
      separator = message.data.config.separator;
    } else if (message && message.type === 2 && typeof message.data === "string") {
      args[0] = { type: 2, data: prepare(message.data, options, separator) };
    }
    return post.apply(this, args);
  };

  // 2. The results, as Material renders them.
  function isPair(word) {
    return !!(options && options.pairs) && word.length > 1 && word.charAt(0) === options.pairs;
  }

  function terms(link) {
    return (new URL(link.href).searchParams.get("h") || "").split(" ").filter(function (word) {
      return word && !isPair(word);
    });
  }

  function setTerms(link, words) {
    var url = new URL(link.href);
    if (words.length) url.searchParams.set("h", words.join(" "));
    else url.searchParams.delete("h");
    link.href = url.toString();
  }

  function mark(article, words) {
    if (!words.length || article.querySelector("mark")) return;
    var pattern = new RegExp(words.map(function (word) {
      return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|"), "gi");
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest(".md-search-result__terms")
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [], node;
    while ((node = walker.nextNode())) nodes.push(node);
    nodes.forEach(function (text) {
      var value = text.nodeValue, parts = document.createDocumentFragment(), last = 0, match;
      pattern.lastIndex = 0;
      while ((match = pattern.exec(value)) && match[0]) {
        parts.append(value.slice(last, match.index));
        var element = document.createElement("mark");
        element.textContent = match[0];
        parts.append(element);
        last = match.index + match[0].length;
      }
      if (last > 0) {
        parts.append(value.slice(last));
        text.replaceWith(parts);
      }
    });
    var blocks = Array.prototype.filter.call(article.children, function (child) {
      return !child.matches("h1, h2, nav, .md-search-result__icon, .md-search-result__terms");
    });
    var marked = blocks.filter(function (block) { return block.querySelector("mark"); });
    if (marked.length) {
      blocks.forEach(function (block) {
        if (marked.indexOf(block) < 0 || marked.indexOf(block) > 1) block.remove();
      });
    }
  }

  function tidy(item) {
    var links = Array.prototype.slice.call(item.querySelectorAll("a.md-search-result__link"));
    var all = [];
    links.forEach(function (link) {
      terms(link).forEach(function (word) { if (all.indexOf(word) < 0) all.push(word); });
    });
    links.forEach(function (link) {
      if (new URL(link.href).searchParams.has("h")) setTerms(link, terms(link).length ? terms(link) : all);
      var article = link.querySelector(".md-search-result__article");
      if (article) mark(article, terms(link));
    });
    item.querySelectorAll(".md-search-result__terms").forEach(function (missing) {
      missing.querySelectorAll("del").forEach(function (del) {
        if (isPair(del.textContent)) del.remove();
      });
      if (!missing.querySelector("del")) missing.remove();
    });
  }

  function passOnInput() {
    var box = document.querySelector("input[data-md-component=search-query]");
    if (!box) return;
    function search() { box.dispatchEvent(new KeyboardEvent("keyup")); }
    box.addEventListener("input", function (event) {
      if (!event.isComposing) search();
    });
    // an input method commits its text (a candidate tapped on a phone) with no keyup, and the
    // input event that commits it is still "composing"
    box.addEventListener("compositionend", search);
  }

  function watch() {
    passOnInput();
    var list = document.querySelector(".md-search-result__list");
    if (!list) return;
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        record.addedNodes.forEach(function (node) {
          if (node.nodeType === 1 && node.matches("li.md-search-result__item")) tidy(node);
        });
      });
    }).observe(list, { childList: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
