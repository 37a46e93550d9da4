/* gongkai site search. Plain ES2017 and no modules, because it must run from file:// (a kiosk
   or a USB stick), where the only way to load data is a classic <script src>: every index file
   calls one of the window.gongkaiSearch functions below. The file formats and tokenizing rules
   are written by src/search/ (see its mod.rs); fold, cls, normalize, units, fnv, readNum,
   decodeList and inflate mirror that Rust code and must change with it.

   Page contract: #search-form, #search-input, #search-township, #search-domain, #search-year,
   #search-status, #search-results; this <script> carries data-root (path from the page to the
   site root). URL parameters q, township, domain, year run a search on load and are kept in
   sync with history.replaceState. After each search a "gongkai:search" event with the query,
   total and timing is dispatched on #search-results (the benchmark listens for it). */
(function () {
  "use strict";

  var script = document.currentScript;
  var ROOT = (script && script.getAttribute("data-root")) || "./";
  if (ROOT.charAt(ROOT.length - 1) !== "/") ROOT += "/";
  var PAGE = 10;          // results shown per "more" step
  var DEBOUNCE_MS = 80;   // see schedule(): only inputs in quick succession wait
  var QUIET_MS = 150;
  var MAX_BATCHES = 6;    // verification rounds before showing what we have
  var SNIPPET_BEFORE = 24;
  var SNIPPET_LENGTH = 110;
  var FORMAT_VERSION = 3;

  // ---- loading: one <script> per index file, resolved by its registration call ----

  var files = {};
  var build = "";

  function load(key, path) {
    var entry = files[key];
    if (entry) return entry.promise;
    entry = { done: false };
    entry.promise = new Promise(function (resolve, reject) {
      entry.resolve = resolve;
      entry.reject = reject;
    });
    files[key] = entry;
    var el = document.createElement("script");
    el.src = ROOT + "search/" + path + (build ? "?v=" + build : "");
    el.async = true;
    el.onload = function () {
      el.parentNode.removeChild(el);
      if (!entry.done) fail(key, entry, path);
    };
    el.onerror = function () {
      el.parentNode.removeChild(el);
      fail(key, entry, path);
    };
    document.head.appendChild(el);
    return entry.promise;
  }

  function fail(key, entry, path) {
    delete files[key];
    entry.reject(new Error("无法加载搜索索引文件 search/" + path));
  }

  function arrive(key, value) {
    var entry = files[key];
    if (!entry) {
      entry = files[key] = { done: false };
      entry.promise = Promise.resolve(value);
    } else if (entry.resolve) {
      entry.resolve(value);
    }
    entry.done = true;
  }

  window.gongkaiSearch = {
    meta: function (m) { arrive("meta", m); },
    shard: function (k, keys, lists) { arrive("i" + k, { keys: keys, lists: lists, map: null }); },
    docs: function (k, packed) { arrive("d" + k, { packed: packed, docs: null }); },
    dict: function (packed) { arrive("dict", packed); },
    facet: function (name, list) { arrive("f" + name, list); },
    lex: function (l) { arrive("lex", l); }
  };

  var metaPromise = null;
  function getMeta() {
    if (!metaPromise) {
      metaPromise = load("meta", "meta.js").then(function (m) {
        if (m.version !== FORMAT_VERSION) throw new Error("搜索索引版本不符，请重新生成网站");
        build = m.build;
        // Each table character as its UTF-16 units: one, or a surrogate pair packed in 32 bits.
        m.units = Uint32Array.from(Array.from(m.chars), function (ch) {
          return ch.length === 2 ? ch.charCodeAt(0) * 65536 + ch.charCodeAt(1) : ch.charCodeAt(0);
        });
        return m;
      });
      metaPromise.catch(function () { metaPromise = null; });
    }
    return metaPromise;
  }

  // ---- text rules (mirror src/search/text.rs) ----

  function fold(ch) {
    var u = ch.codePointAt(0);
    if (u >= 0xff01 && u <= 0xff5e) { u -= 0xfee0; ch = String.fromCharCode(u); }
    else if (u === 0x3000) return " ";
    if (u >= 0x41 && u <= 0x5a) return String.fromCharCode(u + 32);
    if ((u >= 0xc0 && u <= 0x24f) || (u >= 0x370 && u <= 0x3ff) || (u >= 0x400 && u <= 0x4ff)) {
      var l = ch.toLowerCase();
      return l.length === 1 ? l : ch;
    }
    return ch;
  }

  /* Quotation marks between two Han characters and invisible characters are dropped (mirror
     is_quote / is_invisible in text.rs): "三公"经费 is read as 三公经费. */
  function quote(u) {
    return u === 0x22 || u === 0x27 || (u >= 0x2018 && u <= 0x201f) || (u >= 0x300c && u <= 0x300f) ||
      (u >= 0x301d && u <= 0x301f);
  }
  function invisible(u) { return u === 0xad || (u >= 0x200b && u <= 0x200d) || u === 0x2060 || u === 0xfeff; }

  var SEP = 0, IDEO = 1, WORD = 2;
  function cls(u) {
    if ((u >= 0x30 && u <= 0x39) || (u >= 0x61 && u <= 0x7a)) return WORD;
    if (u === 0x3007 || (u >= 0x3040 && u <= 0x30ff) || (u >= 0x3400 && u <= 0x4dbf) ||
        (u >= 0x4e00 && u <= 0x9fff) || (u >= 0xac00 && u <= 0xd7af) ||
        (u >= 0xf900 && u <= 0xfaff) || (u >= 0x20000 && u <= 0x323af)) return IDEO;
    if (u === 0xd7 || u === 0xf7 || u === 0x37e || u === 0x387) return SEP;
    if (u === 0x60c || u === 0x61b || u === 0x61f || (u >= 0x66a && u <= 0x66d) || u === 0x6d4) return SEP;
    if (u >= 0xf04 && u <= 0xf14) return SEP;
    if ((u >= 0xc0 && u <= 0x24f) || (u >= 0x370 && u <= 0x3ff) || (u >= 0x400 && u <= 0x4ff) ||
        (u >= 0x600 && u <= 0x6ff) || (u >= 0xf00 && u <= 0xfff) || (u >= 0x1820 && u <= 0x18af)) return WORD;
    return SEP;
  }

  /* Normalized text plus, for every UTF-16 unit of it, where its character starts and ends in
     the original string (to put <mark> around "3,600" when "3600" matched). Typed arrays and
     one string conversion at the end: this runs over whole notices. */
  function normalize(s) {
    var n = s.length, cps = new Int32Array(n + 4).fill(-1), at = new Int32Array(n + 1), count = 0;
    for (var i = 0; i < n; ) {
      var u = s.codePointAt(i);
      var f = (u >= 0x4e00 && u <= 0x9fff) ? u : fold(String.fromCodePoint(u)).codePointAt(0);
      i += u > 0xffff ? 2 : 1;
      if (invisible(f)) continue;
      at[count] = i - (u > 0xffff ? 2 : 1);
      cps[count++] = f;
    }
    at[count] = n;
    var out = new Uint16Array(n * 2), starts = new Int32Array(n * 2), ends = new Int32Array(n * 2);
    var w = 0, prevDigit = false, lastIdeo = false;
    function digit(k) { return cps[k] >= 0x30 && cps[k] <= 0x39; }
    for (var k = 0; k < count; k++) {
      var c = cps[k];
      if (c === 0x2c && prevDigit && digit(k + 1) && digit(k + 2) && digit(k + 3) && !digit(k + 4)) continue;
      prevDigit = c >= 0x30 && c <= 0x39;
      if (quote(c)) {
        var j = k + 1;
        while (j < count && quote(cps[j])) j++;
        if (lastIdeo && j < count && cls(cps[j]) === IDEO) continue;
      }
      var kind = cls(c);
      lastIdeo = kind === IDEO;
      if (kind === SEP) c = 0x20;
      if (c > 0xffff) {
        out[w] = 0xd800 + ((c - 0x10000) >> 10); starts[w] = at[k]; ends[w++] = at[k + 1];
        out[w] = 0xdc00 + ((c - 0x10000) & 1023);
      } else out[w] = c;
      starts[w] = at[k]; ends[w++] = at[k + 1];
    }
    return { text: unitsToString(out.subarray(0, w)), starts: starts, ends: ends };
  }

  function isWordUnitAt(s, i) {
    return i >= 0 && i < s.length && cls(s.charCodeAt(i)) === WORD;
  }

  /* Units of one run (mirror src/search/tokens.rs): a Han character, or a whole word. */
  function units(run) {
    var out = [], word = "";
    for (var ch of run) {
      if (cls(ch.codePointAt(0)) === WORD) { word += ch; continue; }
      if (word) { out.push({ text: word, word: true }); word = ""; }
      out.push({ text: ch, word: false });
    }
    if (word) out.push({ text: word, word: true });
    return out;
  }

  function cut(u, maxWord) {
    return u.word ? Array.from(u.text).slice(0, maxWord).join("") : u.text;
  }

  /* A query: its runs (what must appear in the text) and the index tokens that find them. */
  function parseQuery(q, meta) {
    var runs = [], tokens = [], verify = false, tooShort = false, titleOnly = false;
    normalize(q).text.split(" ").forEach(function (run) {
      if (!run) return;
      var us = units(run);
      if (runs.indexOf(run) < 0) runs.push(run);
      if (us.length === 1) {
        if (us[0].word) tokens.push(cut(us[0], meta.maxWord));
        else if (meta.titleUnigrams) { tokens.push(us[0].text); titleOnly = true; }
        else tooShort = true;
        if (us[0].word && us[0].text.length > meta.maxWord) verify = true;
        return;
      }
      // Every bigram, though every other one would cover the run: the overlapping ones cost a
      // shard each but keep the count honest (特困人员救助: about 106, not about 612).
      us.forEach(function (u) { if (u.word && u.text.length > meta.maxWord) verify = true; });
      for (var k = 0; k + 1 < us.length; k++) tokens.push(cut(us[k], meta.maxWord) + cut(us[k + 1], meta.maxWord));
      if (us.length > 2) verify = true;
    });
    tokens = tokens.filter(function (t, i) { return tokens.indexOf(t) === i; });
    return { runs: runs, tokens: tokens, verify: verify, tooShort: tooShort && !tokens.length, titleOnly: titleOnly };
  }

  /* FNV-1a over UTF-8 bytes (mirror token_hash in tokens.rs). */
  function fnv(t) {
    var h = 0x811c9dc5;
    function b(x) { h = Math.imul(h ^ x, 0x01000193) >>> 0; }
    for (var ch of t) {
      var c = ch.codePointAt(0);
      if (c < 0x80) b(c);
      else if (c < 0x800) { b(0xc0 | (c >> 6)); b(0x80 | (c & 63)); }
      else if (c < 0x10000) { b(0xe0 | (c >> 12)); b(0x80 | ((c >> 6) & 63)); b(0x80 | (c & 63)); }
      else { b(0xf0 | (c >> 18)); b(0x80 | ((c >> 12) & 63)); b(0x80 | ((c >> 6) & 63)); b(0x80 | (c & 63)); }
    }
    return h >>> 0;
  }

  // ---- codec (mirror src/search/codec.rs) ----

  var ALPHABET = "!#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
  var SYM = new Int16Array(128).fill(-1);
  for (var a = 0; a < ALPHABET.length; a++) SYM[ALPHABET.charCodeAt(a)] = a;

  function readNum(r) {
    var acc = 0, offset = 0, span = 1;
    for (;;) {
      var v = r.i < r.s.length ? SYM[r.s.charCodeAt(r.i++)] : -1;
      if (!(v >= 0)) return -1;
      if (v < 46) { acc = acc * 46 + v; span *= 46; offset += span; }
      else return acc * 46 + (v - 46) + offset;
    }
  }

  /* A posting list as a bitset of n bits (Uint32Array). */
  function decodeList(s, n) {
    var words = new Uint32Array((n + 31) >>> 5);
    if (!s) return words;
    var r = { s: s, i: 0 };
    var kind = readNum(r);
    if (kind === 1) {
      for (var k = r.i, base = 0; k < s.length; k++, base += 6) {
        var v = SYM[s.charCodeAt(k)];
        for (var b = 0; b < 6; b++) if (v & (1 << b)) words[(base + b) >>> 5] |= 1 << ((base + b) & 31);
      }
      return words;
    }
    var id = -1;
    while (r.i < s.length) {
      var g = readNum(r);
      if (g < 0) break;
      id = id < 0 ? g : id + g + 1;
      if (id < n) words[id >>> 5] |= 1 << (id & 31);
    }
    if (kind === 2) {
      for (var w = 0; w < words.length; w++) words[w] = ~words[w];
      if (n & 31) words[words.length - 1] &= (1 << (n & 31)) - 1;
    }
    return words;
  }

  function allBits(n) {
    var words = new Uint32Array((n + 31) >>> 5).fill(0xffffffff);
    if (n & 31) words[words.length - 1] = (1 << (n & 31)) - 1;
    return words;
  }

  function and(a, b) { for (var w = 0; w < a.length; w++) a[w] &= b[w]; return a; }

  function ids(words, except) {
    var out = [];
    for (var w = 0; w < words.length; w++) {
      var x = words[w];
      if (except) x &= ~except[w];
      while (x) {
        var low = x & -x;
        out.push((w << 5) + 31 - Math.clz32(low));
        x ^= low;
      }
    }
    return out;
  }

  /* The document store's packed text (mirror src/search/lz.rs). Positions count UTF-16 units,
     so it decodes into a Uint16Array with copyWithin. The shared dictionary sits at the front of
     one reusable buffer (`packer.base` units) and every shard is decoded right after it. */
  var packer = { buf: new Uint16Array(0), base: 0 };

  function inflateInto(s, meta, base) {
    var table = meta.units, one = meta.lz[0], two = meta.lz[1], lenClasses = meta.lz[2];
    var distClasses = meta.lz[3], min = meta.lz[4];
    var buf = packer.buf, at = base, r = { s: s, i: 0 }, n = s.length;
    function room(extra) {
      if (at + extra <= buf.length) return;
      var bigger = new Uint16Array(Math.max(buf.length * 2, at + extra + 65536));
      bigger.set(buf);
      buf = packer.buf = bigger;
    }
    while (r.i < n) {
      room(4);
      var c = s.charCodeAt(r.i++);
      var v = c < 128 ? SYM[c] : -1, rank = -1;
      if (v < 0) {
        buf[at++] = c;
        if (c >= 0xd800 && c <= 0xdbff && r.i < n) buf[at++] = s.charCodeAt(r.i++);
        continue;
      }
      if (v < one) rank = v;
      else if (v < one + two) rank = one + (v - one) * 92 + SYM[s.charCodeAt(r.i++)];
      if (rank >= 0) {
        var u = table[rank];
        if (u > 0xffff) { buf[at++] = u >>> 16; buf[at++] = u & 0xffff; } else buf[at++] = u;
        continue;
      }
      var code = v - one - two, lenClass = Math.floor(code / distClasses), digits = code % distClasses;
      var len = min + lenClass;
      if (lenClass === lenClasses - 1) len += readNum(r);
      var d = 0;
      for (var k = 0; k <= digits; k++) d = d * 92 + SYM[s.charCodeAt(r.i++)];
      d += (digits === 0 ? 0 : digits === 1 ? 92 : 92 + 92 * 92) + 1;
      if (!(d <= at) || !(len < 1e6)) break;
      room(len);
      if (d >= len) buf.copyWithin(at, at - d, at - d + len);
      else for (var m = 0; m < len; m++) buf[at + m] = buf[at - d + m];
      at += len;
    }
    return at;
  }

  var utf16 = null;
  try { utf16 = new TextDecoder("utf-16le"); } catch (e) { utf16 = null; }
  var littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

  /* UTF-16 units to a string: one native call where the platform allows, else in slices. */
  function unitsToString(units) {
    if (utf16 && littleEndian) return utf16.decode(units);
    var parts = [];
    for (var i = 0; i < units.length; i += 8192) {
      parts.push(String.fromCharCode.apply(null, units.subarray(i, i + 8192)));
    }
    return parts.join("");
  }

  /* Decodes one store shard (after the dictionary) to its text. */
  function inflate(s, meta) {
    var end = inflateInto(s, meta, packer.base);
    return unitsToString(packer.buf.subarray(packer.base, end));
  }

  var dictPromise = null;
  function getDict(meta) {
    if (!dictPromise) {
      dictPromise = !meta.dict ? Promise.resolve(true) : load("dict", "dict.js").then(function (p) {
        packer.base = inflateInto(p, meta, 0);
        return true;
      });
      dictPromise.catch(function () { dictPromise = null; });
    }
    return dictPromise;
  }

  // ---- search ----

  function tokenLists(meta, token) {
    var k = fnv(token) % meta.shards;
    return load("i" + k, "i/" + k + ".js").then(function (shard) {
      if (!shard.map) {
        shard.map = new Map();
        shard.keyList = shard.keys ? shard.keys.split(" ") : [];
        shard.listList = shard.lists.split(" ");
        shard.keyList.forEach(function (key, i) { shard.map.set(key, i); });
      }
      var i = shard.map.get(token);
      if (i === undefined) return null;
      var all = shard.listList[2 * i], rest = shard.listList[2 * i + 1].split("\u00b7");
      var title = rest[0], head = rest[1] || "", card = rest[2] || "";
      return { all: all, title: title === "=" ? all : title, head: head === "=" ? all : head, card: card };
    });
  }

  function indexOfName(list, name) { return name ? list.indexOf(name) : -1; }

  // ---- what a query means: parts, and the words each part may be written as ----

  /* lex.js (src/search/lexicon.rs): the dictionary, places, item paths, homophone table. */
  var lexPromise = null;
  function getLex() {
    if (!lexPromise) {
      lexPromise = load("lex", "lex.js").then(prepareLex, function () { return prepareLex(null); });
    }
    return lexPromise;
  }

  function squash(s) { return normalize(s).text.split(" ").filter(Boolean); }

  function prepareLex(l) {
    l = l || { syn: [], places: [], items: [], py: "" };
    // Everything a query needs from the vocabulary is worked out here, while the page is idle:
    // planning a query must not normalize the dictionary or walk every word (keystroke to
    // results is measured with a cold JIT, SPEC 11).
    var lex = { syn: new Map(), groups: [], words: new Set(), order: new Map(), sound: new Map(),
                py: new Map(), raw: l };
    var pending = [];
    function word(w) {
      if (Array.from(w).length < 2 || lex.words.has(w)) return;
      lex.words.add(w);
      lex.order.set(w, lex.order.size);
      pending.push(w);
    }
    l.syn.forEach(function (group, g) {
      var forms = [];
      group.forEach(function (f) {
        squash(f).forEach(function (w) {
          word(w);
          forms.push(w);
          if (!lex.syn.has(w)) lex.syn.set(w, []);
          lex.syn.get(w).push(g);
        });
      });
      lex.groups[g] = forms;
    });
    // Places and the parts of item paths are words to cut a query at; their notices come from
    // the postings' card field.
    l.places.forEach(function (p) { squash(p[0]).forEach(word); });
    l.items.forEach(function (path) {
      path.split("/").forEach(function (seg) { squash(seg).forEach(word); });
    });
    l.py.split(" ").forEach(function (group, g) {
      for (var ch of group) {
        if (!lex.py.has(ch)) lex.py.set(ch, []);
        lex.py.get(ch).push(g);
      }
    });
    // Words filed by length and by how their first character sounds (or the character itself,
    // for one the table has no reading of), so homophones() looks only at words that can match.
    pending.forEach(function (w) {
      var ch = Array.from(w), keys = soundKeys(lex, ch[0], ch.length);
      keys.forEach(function (k) {
        if (!lex.sound.has(k)) lex.sound.set(k, []);
        lex.sound.get(k).push(w);
      });
    });
    return lex;
  }

  function soundKeys(lex, ch, n) {
    return [n + "=" + ch].concat((lex.py.get(ch) || []).map(function (g) { return n + ":" + g; }));
  }

  function soundsAlike(lex, a, b) {
    if (a === b) return true;
    var x = lex.py.get(a), y = lex.py.get(b);
    return !!(x && y && x.some(function (g) { return y.indexOf(g) >= 0; }));
  }

  /* Words of the vocabulary that sound like chars (an array of characters), at most three. */
  function homophones(lex, chars) {
    var seen = new Set(), found = [], typed = chars.join("");
    soundKeys(lex, chars[0], chars.length).forEach(function (k) {
      (lex.sound.get(k) || []).forEach(function (w) {
        if (seen.has(w) || w === typed) return;
        seen.add(w);
        var wc = Array.from(w), ok = true;
        for (var i = 1; i < wc.length && ok; i++) ok = soundsAlike(lex, chars[i], wc[i]);
        if (ok) found.push(w);
      });
    });
    // The vocabulary's order, as before the index by sound: the first three stand.
    found.sort(function (a, b) { return lex.order.get(a) - lex.order.get(b); });
    return found.slice(0, 3);
  }

  /* Cuts an unspaced Han run into the vocabulary's words (柳河村低保 → 柳河村 + 低保), by the
     most characters covered by words (those written exactly count double), then the fewest
     parts. Characters no word covers stay together as parts of their own. */
  function segment(lex, run) {
    var ch = Array.from(run), n = ch.length;
    if (n <= 2 || lex.words.has(run)) return [run];
    var best = [{ score: 0, back: -1, word: false }];
    for (var i = 1; i <= n; i++) best[i] = { score: -1e9, back: -1, word: false };
    for (i = 0; i < n; i++) {
      var here = best[i].score;
      if (here - 0.1 > best[i + 1].score) best[i + 1] = { score: here - 0.1, back: i, word: false };
      for (var L = Math.min(12, n - i); L >= 2; L--) {
        var piece = ch.slice(i, i + L), text = piece.join(""), gain = 0;
        if (lex.words.has(text)) gain = 2 * L;
        else if (homophones(lex, piece).length) gain = L;
        if (!gain) continue;
        var score = here + gain - 0.1;
        if (score > best[i + L].score) best[i + L] = { score: score, back: i, word: true };
      }
    }
    var pieces = [];
    for (var at = n; at > 0; at = best[at].back) pieces.unshift({ text: ch.slice(best[at].back, at).join(""), word: best[at].word });
    var parts = [], rest = "";
    pieces.forEach(function (p) {
      if (p.word) { if (rest) parts.push(rest); rest = ""; parts.push(p.text); } else rest += p.text;
    });
    if (rest) parts.push(rest);
    var long = parts.filter(function (p) { return Array.from(p).length > 1; });
    return long.length ? long : [run];
  }

  /* The index tokens of one run, as parseQuery cuts it. */
  function runTokens(run, meta) {
    return parseQuery(run, meta).tokens;
  }

  /* A query as parts, each with the words it may be written as: itself (weight 1), the other
     names of its dictionary groups (1), and words that sound like it (0.5: ranked below what
     was typed). An alternative that contains another is dropped: the shorter finds it. */
  function planQuery(q, meta, lex) {
    var base = parseQuery(q, meta), parts = [], titleOnly = false, runs = [];
    normalize(q).text.split(" ").forEach(function (run) {
      if (!run) return;
      var han = Array.from(run).every(function (c) { return cls(c.codePointAt(0)) === IDEO; });
      (han ? segment(lex, run) : [run]).forEach(function (text) {
        if (parts.some(function (p) { return p.text === text; })) return;
        var alts = [{ text: text, w: 1 }], seen = new Set([text]);
        function add(t, w) { if (!seen.has(t)) { seen.add(t); alts.push({ text: t, w: w }); } }
        function synonyms(t, w) {
          (lex.syn.get(t) || []).forEach(function (g) {
            lex.groups[g].forEach(function (x) { add(x, w); });
          });
        }
        synonyms(text, 1);
        if (han && !lex.words.has(text)) {
          homophones(lex, Array.from(text)).forEach(function (h) { add(h, 0.5); synonyms(h, 0.5); });
        }
        alts = alts.filter(function (a) {
          return !alts.some(function (b) { return b !== a && b.w >= a.w && b.text.length < a.text.length && a.text.indexOf(b.text) >= 0; });
        // Six forms at most, the dictionary's order (official name, then the common ones): every
        // form costs shards on the way to the first result; ten measured no better recall@10.
        }).slice(0, 6);
        alts.forEach(function (a) {
          a.tokens = runTokens(a.text, meta);
          if (Array.from(a.text).length === 1 && cls(a.text.codePointAt(0)) === IDEO) titleOnly = true;
          if (runs.indexOf(a.text) < 0) runs.push(a.text);
        });
        parts.push({ text: text, len: Array.from(text).length, alts: alts });
      });
    });
    if (parts.length === 1 && parts[0].len === 1) titleOnly = base.titleOnly;
    var total = parts.reduce(function (s, p) { return s + p.len; }, 0);
    return { parts: parts, runs: runs, total: total, tokens: base.tokens, tooShort: base.tooShort,
             titleOnly: titleOnly, verify: true };
  }

  /* Starts loading the shards of what was typed before the query is planned, so the network
     and the planning overlap. Only runs planQuery is sure to keep whole (a vocabulary word, two
     characters, any run with letters or digits): an unspaced run may be cut, and the bigram across the cut
     would be a shard downloaded for nothing. */
  function prefetch(q, meta, lex) {
    normalize(q).text.split(" ").forEach(function (run) {
      if (!run) return;
      var han = Array.from(run).every(function (c) { return cls(c.codePointAt(0)) === IDEO; });
      if (han && Array.from(run).length > 2 && !lex.words.has(run)) return;
      parseQuery(run, meta).tokens.forEach(function (t) { tokenLists(meta, t).catch(function () {}); });
    });
  }

  /* One alternative's notices by field: where all its tokens are (body, title, heading, and
     the card: item path and place). */
  function altBits(meta, alt) {
    var n = meta.docs;
    return Promise.all(alt.tokens.map(function (t) { return tokenLists(meta, t); })).then(function (lists) {
      var all = null, title = null, head = null, card = null;
      if (lists.length && lists.every(Boolean)) {
        all = allBits(n); title = allBits(n); head = allBits(n); card = allBits(n);
        lists.forEach(function (l) {
          and(all, decodeList(l.all, n));
          and(title, decodeList(l.title, n));
          and(head, decodeList(l.head, n));
          and(card, decodeList(l.card, n));
        });
      }
      return { all: all, title: title, head: head, meta: card };
    });
  }

  var FIELD = { title: 8, meta: 4, head: 2, body: 1 };

  /* Ranked candidate ids: by how much of the query matched (weighted by the characters of each
     part, homophones at half), then by field (title, 事项 and place, heading, body), then
     newest first. Notices matching less than half of the query are left out. */
  function candidates(meta, lex, query, filters) {
    var n = meta.docs;
    var t = indexOfName(meta.townships, filters.township);
    var d = indexOfName(meta.domains, filters.domain);
    var jobs = query.parts.map(function (part) {
      return Promise.all(part.alts.map(function (alt) { return altBits(meta, alt); }));
    });
    var filterJobs = [
      filters.township ? (t < 0 ? Promise.resolve("") : load("ft" + t, "f/t" + t + ".js")) : null,
      filters.domain ? (d < 0 ? Promise.resolve("") : load("fd" + d, "f/d" + d + ".js")) : null
    ];
    return Promise.all([Promise.all(jobs), Promise.all(filterJobs)]).then(function (got) {
      var keep = allBits(n);
      if (got[1][0] !== null) and(keep, decodeList(got[1][0], n));
      if (got[1][1] !== null) and(keep, decodeList(got[1][1], n));
      if (filters.year) {
        var range = new Uint32Array(keep.length);
        meta.years.forEach(function (y) {
          if (y[0] !== filters.year) return;
          for (var id = y[1]; id < y[2]; id++) range[id >>> 5] |= 1 << (id & 31);
        });
        and(keep, range);
      }
      var cover = new Float32Array(n), field = new Float32Array(n);
      var partMask = new Uint32Array(n), metaMask = new Uint32Array(n);
      var bestCover = new Float32Array(n), bestField = new Float32Array(n);
      got[0].forEach(function (alts, p) {
        bestCover.fill(0); bestField.fill(0);
        var touched = [];
        function credit(bits, w, f, isMeta) {
          if (!bits) return;
          ids(bits).forEach(function (id) {
            if (!(keep[id >>> 5] & (1 << (id & 31)))) return;
            if (!bestCover[id] && !bestField[id]) touched.push(id);
            if (w > bestCover[id]) bestCover[id] = w;
            if (w * f > bestField[id]) bestField[id] = w * f;
            if (isMeta) metaMask[id] |= 1 << p;
          });
        }
        alts.forEach(function (b, a) {
          var w = query.parts[p].alts[a].w;
          credit(b.all, w, FIELD.body);
          credit(b.head, w, FIELD.head);
          credit(b.meta, w, FIELD.meta, true);
          credit(b.title, w, FIELD.title);
        });
        var len = query.parts[p].len;
        touched.forEach(function (id) {
          cover[id] += len * bestCover[id];
          field[id] += len * bestField[id];
          partMask[id] |= 1 << p;
        });
      });
      // Notices with every part come first and alone; only when none has them all do those
      // with at least half of the query stand in (a typo'd or over-long query still finds).
      var list = [], whole = query.parts.length >= 32 ? 0xffffffff : (1 << query.parts.length) - 1 >>> 0;
      for (var id = 0; id < n; id++) if (partMask[id] === whole) list.push(id);
      if (!list.length) {
        for (id = 0; id < n; id++) if (cover[id] > 0 && cover[id] >= query.total / 2) list.push(id);
      }
      list.sort(function (a, b) { return cover[b] - cover[a] || field[b] - field[a] || a - b; });
      return { ids: list, partMask: partMask, metaMask: metaMask };
    });
  }

  function docShard(meta, id) {
    var k = Math.floor(id / meta.docsPerShard);
    return Promise.all([load("d" + k, "d/" + k + ".js"), getDict(meta)]).then(function (got) {
      var shard = got[0];
      if (!shard.docs) {
        shard.docs = inflate(shard.packed, meta).split("\n").map(function (line) {
          return line.split("\t");
        });
      }
      var f = shard.docs[id - k * meta.docsPerShard] || [];
      return {
        id: id, url: f[0] || "", title: f[1] || "", township: meta.townships[+f[2]] || "",
        item: f[3] || "", date: f[4] || "", cut: f[5] === "1", text: f[6] || ""
      };
    });
  }

  /* Positions in normalized text s where run occurs as whole units. */
  function occurrences(s, run) {
    var out = [], from = 0, i;
    var wordStart = isWordUnitAt(run, 0), wordEnd = isWordUnitAt(run, run.length - 1);
    while ((i = s.indexOf(run, from)) >= 0) {
      if (!(wordStart && isWordUnitAt(s, i - 1)) && !(wordEnd && isWordUnitAt(s, i + run.length))) {
        out.push(i);
      }
      from = i + 1;
    }
    return out;
  }

  /* Spans [start, end) of the original string where any query run occurs. `field` caches the
     normalized form on doc, computed only for runs with letters or digits. */
  function matches(doc, field, query) {
    var text = doc[field], spans = [];
    query.runs.forEach(function (run) {
      var norm = doc[field + "Norm"] || (doc[field + "Norm"] = normalize(text));
      occurrences(norm.text, run).forEach(function (k) {
        spans.push([norm.starts[k], norm.ends[k + run.length - 1]]);
      });
    });
    spans.sort(function (x, y) { return x[0] - y[0] || y[1] - x[1]; });
    return spans;
  }

  /* Every part the index credited a notice with must really occur (bigrams found it, but not
     necessarily next to each other), unless the card field had it (item path and place: the
     village is not in the stored text); a notice whose text was cut gets the benefit of the
     doubt. */
  function verified(doc, query, st) {
    doc.titleSpans = matches(doc, "title", query);
    doc.textSpans = matches(doc, "text", query);
    if (doc.cut) return true;
    var mask = st.partMask[doc.id], metaMask = st.metaMask[doc.id];
    var card = normalize(doc.title + " " + doc.item + " " + doc.township + " " + doc.text).text;
    return query.parts.every(function (part, p) {
      if (!(mask & (1 << p)) || (metaMask & (1 << p))) return true;
      return part.alts.some(function (alt) { return occurrences(card, alt.text).length > 0; });
    });
  }

  // ---- rendering (text only through textContent / createTextNode) ----

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /* Appends original[from, to) to parent with the spans in it wrapped in <mark>. */
  function highlighted(parent, original, spans, from, to) {
    var at = from;
    spans.forEach(function (sp) {
      if (sp[0] < at || sp[1] > to) return;
      if (sp[0] > at) parent.appendChild(document.createTextNode(original.slice(at, sp[0])));
      parent.appendChild(el("mark", "", original.slice(sp[0], sp[1])));
      at = sp[1];
    });
    if (at < to) parent.appendChild(document.createTextNode(original.slice(at, to)));
  }

  function snippet(doc) {
    var p = el("p", "search-result-snippet"), text = doc.text;
    var first = doc.textSpans.length ? doc.textSpans[0][0] : -1;
    var from = first < 0 ? 0 : Math.max(0, first - SNIPPET_BEFORE);
    var to = Math.min(text.length, from + SNIPPET_LENGTH);
    if (from > 0) p.appendChild(document.createTextNode("…"));
    highlighted(p, text, doc.textSpans, from, to);
    if (to < text.length) p.appendChild(document.createTextNode("…"));
    return p;
  }

  function resultItem(doc) {
    var li = el("li", "search-result");
    var a = el("a", "search-result-title");
    a.setAttribute("href", ROOT + doc.url);
    highlighted(a, doc.title, doc.titleSpans, 0, doc.title.length);
    var h = el("h2", "search-result-heading");
    h.appendChild(a);
    li.appendChild(h);
    var meta = el("p", "search-result-meta");
    [doc.township, doc.item].forEach(function (part) {
      if (!part) return;
      meta.appendChild(el("span", "", part));
      meta.appendChild(document.createTextNode(" · "));
    });
    var time = el("time", "", doc.date);
    time.setAttribute("datetime", doc.date);
    meta.appendChild(time);
    li.appendChild(meta);
    li.appendChild(snippet(doc));
    return li;
  }

  /* For tests: the browser's half of the tokenizing contract, to compare with the Rust half. */
  window.gongkaiSearch.debug = {
    normalize: function (s) { return normalize(s).text; },
    tokens: function (q) { return parseQuery(q, { maxWord: 24, titleUnigrams: true }).tokens; },
    hash: fnv
  };

  // ---- page ----

  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var selects = {
    township: document.getElementById("search-township"),
    domain: document.getElementById("search-domain"),
    year: document.getElementById("search-year")
  };
  if (!input || !results) return;

  var generation = 0;
  var state = null;

  function setStatus(text) { if (status) status.textContent = text; }

  function filters() {
    var f = {};
    Object.keys(selects).forEach(function (k) { f[k] = selects[k] ? selects[k].value : ""; });
    return f;
  }

  function syncUrl(q, f) {
    var params = [];
    if (q) params.push("q=" + encodeURIComponent(q));
    Object.keys(f).forEach(function (k) { if (f[k]) params.push(k + "=" + encodeURIComponent(f[k])); });
    var url = location.pathname + (params.length ? "?" + params.join("&") : "") + location.hash;
    try { history.replaceState(null, "", url); } catch (e) { /* some file:// setups refuse */ }
  }

  function fillSelect(select, values) {
    if (!select) return;
    var real = Array.prototype.filter.call(select.options, function (o) { return o.value; });
    if (real.length) return;
    values.forEach(function (v) {
      var o = el("option", "", v);
      o.value = v;
      select.appendChild(o);
    });
  }

  function selectValue(select, value) {
    if (!select || !value) return;
    var has = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    if (!has) {
      var o = el("option", "", value);
      o.value = value;
      select.appendChild(o);
    }
    select.value = value;
  }

  function finish(detail) {
    var ev;
    try { ev = new CustomEvent("gongkai:search", { detail: detail }); } catch (e) { return; }
    results.dispatchEvent(ev);
  }

  function countText(st) {
    var approx = st.query.verify && st.next < st.ids.length;
    return "找到" + (approx ? "约 " : " ") + st.total + " 条结果" +
      (st.query.titleOnly ? "（单个汉字只查标题，输入两个字以上可查全文）" : "");
  }

  /* Loads, verifies and shows the next page of results of st. */
  function showMore(st, list) {
    var shown = 0, batches = 0;
    function round() {
      if (st.gen !== generation) return null;
      var want = PAGE - shown;
      if (want <= 0 || st.next >= st.ids.length || batches >= MAX_BATCHES) return null;
      batches++;
      var take = st.ids.slice(st.next, st.next + want);
      st.next += take.length;
      // All shards load in parallel; results appear in rank order as their shard arrives.
      var chain = Promise.resolve();
      take.map(function (id) { return docShard(st.meta, id); }).forEach(function (pending) {
        chain = chain.then(function () { return pending; }).then(function (doc) {
          if (st.gen !== generation) return;
          if (!verified(doc, st.query, st)) { st.total--; return; }
          list.appendChild(resultItem(doc));
          shown++;
          if (!st.firstShown) {
            st.firstShown = Date.now();
            setStatus(countText(st));
          }
        });
      });
      return chain.then(round);
    }
    return Promise.resolve(round()).then(function () { return shown; });
  }

  function render(st) {
    var list = el("ol", "search-results-list");
    results.textContent = "";
    results.appendChild(list);
    var more = el("button", "search-more", "显示更多结果");
    more.type = "button";
    more.hidden = true;
    results.appendChild(more);
    more.addEventListener("click", function () {
      more.disabled = true;
      showMore(st, list).then(function () {
        more.disabled = false;
        more.hidden = st.next >= st.ids.length;
        setStatus(countText(st));
      });
    });
    return showMore(st, list).then(function (shown) {
      if (st.gen !== generation) return;
      if (!shown && st.next >= st.ids.length) {
        results.textContent = "";
        setStatus("未找到与“" + st.q + "”相关的公开信息，请换个词试试。");
      } else {
        more.hidden = st.next >= st.ids.length;
        setStatus(countText(st));
      }
    });
  }

  function run() {
    var q = input.value.trim();
    var f = filters();
    var gen = ++generation;
    var started = Date.now();
    syncUrl(q, f);
    if (!q) {
      results.textContent = "";
      setStatus("请输入要搜索的词语，例如：低保、危房改造、柳河村、2026、3600。");
      finish({ query: q, total: 0, ms: 0 });
      return Promise.resolve();
    }
    setStatus("正在搜索…");
    return Promise.all([getMeta(), getLex()]).then(function (got) {
      var meta = got[0], lex = got[1];
      if (gen !== generation) return null;
      prefetch(q, meta, lex);
      var query = planQuery(q, meta, lex);
      if (query.tooShort) {
        results.textContent = "";
        setStatus("请至少输入两个字。");
        return null;
      }
      if (!query.tokens.length) {
        results.textContent = "";
        setStatus("未找到与“" + q + "”相关的公开信息，请换个词试试。");
        return null;
      }
      return candidates(meta, lex, query, f).then(function (c) {
        if (gen !== generation) return null;
        state = { gen: gen, q: q, meta: meta, query: query, ids: c.ids, next: 0, total: c.ids.length,
                  partMask: c.partMask, metaMask: c.metaMask };
        return render(state);
      });
    }).then(function () {
      if (gen !== generation) return;
      var mine = state && state.gen === gen;
      finish({ query: q, total: mine ? state.total : 0, ms: Date.now() - started,
               firstMs: mine && state.firstShown ? state.firstShown - started : null });
    }, function (err) {
      if (gen !== generation) return;
      results.textContent = "";
      setStatus("搜索暂时不可用：" + err.message);
      finish({ query: q, total: 0, ms: Date.now() - started, error: err.message });
    });
  }

  /* Typing: an input after a pause runs at once (an IME commits a whole word in one event, and
     keystroke-to-results must stay under 100 ms); inputs in quick succession are debounced, so
     typing 2026 digit by digit does not load the index four times. A newer search always
     supersedes an older one still loading (see `generation`). */
  var timer = 0, lastRun = 0, composing = false;
  function schedule() {
    clearTimeout(timer);
    var now = Date.now();
    if (now - lastRun > QUIET_MS) {
      lastRun = now;
      run();
    } else {
      timer = setTimeout(function () { lastRun = Date.now(); run(); }, DEBOUNCE_MS);
    }
  }

  input.addEventListener("compositionstart", function () { composing = true; });
  input.addEventListener("compositionend", function () { composing = false; schedule(); });
  input.addEventListener("input", function (e) { if (!composing && !e.isComposing) schedule(); });
  Object.keys(selects).forEach(function (k) {
    if (selects[k]) selects[k].addEventListener("change", schedule);
  });
  if (form) form.addEventListener("submit", function (e) { e.preventDefault(); schedule(); });

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  getMeta().then(function (meta) {
    fillSelect(selects.township, meta.townships);
    fillSelect(selects.domain, meta.domains);
    fillSelect(selects.year, meta.years.map(function (y) { return y[0]; }));
    // Every search that finds something needs the dictionary: fetch and unpack it while idle.
    setTimeout(function () { getDict(meta).catch(function () {}); getLex(); }, 0);
  }, function () { /* reported by run() */ }).then(function () {
    Object.keys(selects).forEach(function (k) { selectValue(selects[k], params.get(k) || ""); });
    run();
  });
})();
