// Tests of the catalog's additions, from each function's documentation page: its definition (arguments, defaults,
// null and type rules) first, its examples after.
import { describe, expect, it } from 'vitest';
import { run, runError, testEngine } from '../testing/testEngine';

const engine = testEngine();
const value = (expression: string) => run(engine, `print v = ${expression}`).rows[0]![0];

describe('string functions', () => {
  it('strrep repeats the value multiplier times with the delimiter between, and converts non-strings', () => {
    expect(value('strrep("ABC", 2)')).toBe('ABCABC');
    expect(value('strrep("ABC", 2, " ")')).toBe('ABC ABC');
    expect(value('strrep(123, 3, ",")')).toBe('123,123,123');
    expect(value('strrep(3s, 2, " ")')).toBe('00:00:03 00:00:03');
    expect(value('strrep("a", 0)')).toBe('');
    expect(value('strrep("a", 5000)')).toBe('a'.repeat(1024));
  });

  it('translate maps each searched character to the one at its place, the last for the rest, none to removal', () => {
    expect(value('translate("abc", "x", "abc")')).toBe('xxx');
    expect(value('translate("abc", "", "ab")')).toBe('');
    expect(value('translate("krasp", "otsku", "spark")')).toBe('kusto');
    expect(value('translate("ab", "xyz", "abcab")')).toBe('xycxy');
  });

  it('indexof_regex finds the nth non-overlapping match within start and length; bad arguments give null', () => {
    expect(value('indexof_regex("abcabc", @"a.c")')).toBe(0);
    expect(value('indexof_regex("abcabcdefg", @"a.c", 0, 9, 2)')).toBe(3);
    expect(value('indexof_regex("abcabc", @"a.c", 1, -1, 2)')).toBe(-1);
    expect(value('indexof_regex("ababaa", @"a.a", 0, -1, 2)')).toBe(-1);
    expect(value('indexof_regex("abcabc", @"a|ab", -1)')).toBeNull();
    expect(value('indexof_regex("abc", "b", 0, -2)')).toBeNull();
    expect(value('indexof_regex("abc", "z")')).toBe(-1);
  });

  it('isutf8 is true for text and false for null', () => {
    expect(value('isutf8("Kusto ✓ 😀")')).toBe(true);
    expect(value('isutf8("")')).toBe(true);
    expect(value('isutf8(dynamic(null))')).toBe(false);
  });

  it('hash_sha1 hashes the UTF-8 text', () => {
    expect(value('hash_sha1("World")')).toBe('70c07ec18ef89c5309bbb0937f3a6342411e1fdd');
    expect(value('hash_sha1("")')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
  });

  it('zlib_compress_to_base64_string round-trips through zlib_decompress_from_base64_string', () => {
    expect(value('zlib_compress_to_base64_string("1234567890qwertyuiop")')).toBe(
      'eAEBFADr/zEyMzQ1Njc4OTBxd2VydHl1aW9wOAkGdw==',
    );
    expect(value('zlib_decompress_from_base64_string(zlib_compress_to_base64_string("héllo"))')).toBe(
      'héllo',
    );
  });

  it('array_strcat joins the elements with the delimiter, and extractjson is extract_json', () => {
    expect(value('array_strcat(dynamic([1, "b", 3]), "-")')).toBe('1-b-3');
    expect(value('extractjson("$.a", \'{"a": 7}\', typeof(long))')).toBe(7);
  });
});

describe('dynamic functions', () => {
  it('repeat makes count copies; zero or a negative count gives an empty array, a null count null', () => {
    expect(value('repeat(1, 3)')).toEqual([1, 1, 1]);
    expect(value('repeat("a", 2)')).toEqual(['a', 'a']);
    expect(value('repeat(datetime(2024-01-01), 1)')).toEqual(['2024-01-01T00:00:00Z']);
    expect(value('repeat(5, 0)')).toEqual([]);
    expect(value('repeat(5, -2)')).toEqual([]);
  });

  it('set_equals compares distinct elements regardless of order and repetition', () => {
    expect(value('set_equals(dynamic([1, 2, 3]), dynamic([1, 2, 3]))')).toBe(true);
    expect(value('set_equals(dynamic([1, 2, 3]), dynamic([3, 2, 1, 1]))')).toBe(true);
    expect(value('set_equals(dynamic([1, 2]), dynamic([1, 2, 3]))')).toBe(false);
    expect(value('set_equals(dynamic(["1"]), dynamic([1]))')).toBe(false);
  });

  it('treepath lists every path of a bag, array elements as [0], each once (the documented table)', () => {
    expect(value(`treepath(parse_json('{"a":"b", "c":123}'))`)).toEqual(["['a']", "['c']"]);
    expect(value(`treepath(parse_json('{"prop1":[1,2,3,4], "prop2":"value2"}'))`)).toEqual([
      "['prop1']",
      "['prop1'][0]",
      "['prop2']",
    ]);
    expect(value(`treepath(parse_json('{"listProperty":[100,200,300,"abcde",{"x":"y"}]}'))`)).toEqual([
      "['listProperty']",
      "['listProperty'][0]",
      "['listProperty'][0]['x']",
    ]);
    expect(value(`treepath(parse_json('{"a":[[1],[{"b":1}]]}'))`)).toEqual([
      "['a']",
      "['a'][0]",
      "['a'][0][0]",
      "['a'][0][0]['b']",
    ]);
  });

  it('parse_xml follows the conversion table and gives null for text that is not XML', () => {
    expect(value('parse_xml("<e name=\\"value\\">text</e>")')).toEqual({
      e: { '@name': 'value', '#text': 'text' },
    });
    expect(value('parse_xml("<e><a>1</a><a>2</a></e>")')).toEqual({ e: { a: ['1', '2'] } });
    expect(value('parse_xml("not xml")')).toBeNull();
  });

  it('parse_user_agent returns the parts asked for, one name or an array of them', () => {
    const agent = '"Mozilla/5.0 (Windows; U; en-US) AppleWebKit/531.9 (KHTML, like Gecko) AdobeAIR/2.5.1"';
    expect(value(`parse_user_agent(${agent}, "browser")`)).toEqual({
      Browser: { Name: 'AdobeAIR', MajorVersion: '2', MinorVersion: '5', Patch: '1' },
    });
    expect(Object.keys(value(`parse_user_agent(${agent}, dynamic(["browser", "os"]))`) as object)).toEqual([
      'Browser',
      'OperatingSystem',
    ]);
    expect(runError(engine, `print parse_user_agent(${agent}, "engine")`).code).toBe('KQL_RUNTIME');
  });
});

describe('digest functions', () => {
  it('hll_merge unites digests and dcount_hll counts the distinct values', () => {
    const result = run(
      engine,
      `Events | summarize a = hll(User), b = hll_if(User, Bytes > 200)
       | extend merged = dcount_hll(hll_merge(a, b)), only_b = dcount_hll(b)`,
    );
    expect(result.rows[0]!.slice(2)).toEqual([3, 2]);
  });

  it('percentrank_tdigest is the weight at or below the value as a percentage of the total', () => {
    expect(value('percentrank_tdigest(dynamic([[1,1],[2,1],[3,2]]), 2)')).toBe(50);
    expect(
      run(engine, 'Events | summarize d = tdigest(Bytes) | project r = percentrank_tdigest(d, 250)').rows,
    ).toHaveLength(1);
    expect(value('percentrank_tdigest(dynamic([[100,1],[250,1],[4000,1]]), 250)')).toBeCloseTo(
      (2 / 3) * 100,
      9,
    );
  });

  it('tdigest_merge is merge_tdigest', () => {
    expect(value('tdigest_merge(dynamic([[1,1]]), dynamic([[2,1]]))')).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });
});

describe('statistics', () => {
  it('welch_test gives the two-sided p-value (Wikipedia sample of the docs example: 0.021)', () => {
    const result = run(
      engine,
      `print s1 = dynamic([27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]),
            s2 = dynamic([27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4])
       | mv-expand s1 to typeof(double), s2 to typeof(double)
       | summarize m1 = avg(s1), v1 = variance(s1), c1 = count(), m2 = avg(s2), v2 = variance(s2), c2 = count()
       | project p = round(welch_test(m1, v1, c1, m2, v2, c2), 3)`,
    );
    expect(result.rows).toEqual([[0.021]]);
    expect(value('welch_test(1, 1, 1, 2, 1, 10)')).toBeNull();
  });
});

describe('environment', () => {
  it('current_database is the lab database, ingestion_time null (no IngestionTime policy)', () => {
    expect(value('current_database()')).toBe('Sentinel');
    expect(run(engine, 'Events | take 1 | project t = ingestion_time()').rows).toEqual([[null]]);
  });

  it('estimate_data_size(*) measures every column of the row (the documentation example: 18)', () => {
    expect(
      run(
        engine,
        "range x from 1 to 10 step 1 | extend Text = '1234567890' | extend Size = estimate_data_size(*)",
      ).rows.map((r) => r[2]),
    ).toEqual(new Array(10).fill(18));
  });

  it('estimate_data_size adds 8 bytes per long and the UTF-8 length of each string', () => {
    expect(
      run(
        engine,
        'range x from 1 to 2 step 1 | extend Text = "1234567890" | project s = estimate_data_size(x, Text)',
      ).rows,
    ).toEqual([[18], [18]]);
  });

  it('datetime_list_timezones lists IANA zones the timezone functions accept', () => {
    const zones = value('datetime_list_timezones()') as string[];
    expect(zones).toContain('Europe/Paris');
    expect(zones.length).toBeGreaterThan(300);
  });

  it('assert returns true, and fails the query with its message when the condition is false', () => {
    expect(value('assert(1 == 1, "fine")')).toBe(true);
    const error = runError(engine, 'print assert(1 == 2, "numbers differ")');
    expect(error.code).toBe('KQL_RUNTIME');
    expect(error.message).toContain('numbers differ');
  });

  it('what the offline lab cannot have answers KQL_UNSUPPORTED with the reason', () => {
    for (const [query, reason] of [
      ['print geo_info_from_ip_address("20.53.203.50")', 'IP geolocation database'],
      ['print current_principal()', 'no signed-in principal'],
      ['print cursor_current()', 'ingestion'],
      ['Events | project extent_id()', 'extents'],
    ] as const) {
      const error = runError(engine, query);
      expect(error.code).toBe('KQL_UNSUPPORTED');
      expect(error.message).toContain('offline lab');
      expect(error.message).toContain(reason);
    }
  });

  it('hash_combine and hash_many say why they are missing rather than give a different hash', () => {
    expect(runError(engine, 'print hash_many("a", "b")').message).toContain('does not document');
  });
});

describe('make_timespan', () => {
  it('one value converts as totimespan() does (Kusto.Language declares that form too)', () => {
    expect(value('make_timespan("01:02:03")')).toBe('01:02:03');
    expect(value('make_timespan(1, 30)')).toBe('01:30:00');
  });
});

describe('series analysis', () => {
  it('series_decompose: baseline = seasonal + trend, residual = series − baseline', () => {
    const result = run(
      engine,
      `print y = dynamic([2, 5, 3, 6, 4, 7, 5, 8, 6, 9])
       | project (baseline, seasonal, trend, residual) = series_decompose(y, 2, "linefit")`,
    );
    const [baseline, seasonal, trend, residual] = result.rows[0] as number[][];
    const y = [2, 5, 3, 6, 4, 7, 5, 8, 6, 9];
    baseline!.forEach((b, i) => {
      expect(b).toBeCloseTo(seasonal![i]! + trend![i]!, 9);
      expect(residual![i]).toBeCloseTo(y[i]! - b, 9);
    });
    expect(seasonal!.slice(0, 2)).toEqual(seasonal!.slice(2, 4));
  });

  it('series_decompose with no seasonality and trend avg gives the mean as baseline', () => {
    const [baseline, seasonal] = run(
      engine,
      'print (b, s, t, r) = series_decompose(dynamic([1, 2, 3, 6]), 0)',
    ).rows[0] as number[][];
    expect(baseline).toEqual([3, 3, 3, 3]);
    expect(seasonal).toEqual([0, 0, 0, 0]);
  });

  it('series_decompose_anomalies flags the spike of a flat series', () => {
    const [flags, scores] = run(
      engine,
      'print (f, s, b) = series_decompose_anomalies(dynamic([1, 2, 1, 2, 1, 2, 1, 2, 30, 2, 1, 2]), 1.5, 0, "avg")',
    ).rows[0] as number[][];
    expect(flags![8]).toBe(1);
    expect(flags!.filter((f) => f !== 0)).toHaveLength(1);
    expect(scores![8]).toBeGreaterThan(1.5);
  });

  it('series_decompose_forecast extends the trend learnt on the other points over the last ones', () => {
    const forecast = value('series_decompose_forecast(dynamic([1, 2, 3, 4, 5, 6, 0, 0]), 2, 0)') as number[];
    expect(forecast[6]).toBeCloseTo(7, 9);
    expect(forecast[7]).toBeCloseTo(8, 9);
  });

  it('series_outliers scores points beyond the percentile fences in units of their spread', () => {
    // tukey: 25th and 75th percentiles 3.25 and 7.75 (spread 4.5).
    const scores = value('series_outliers(dynamic([1, 2, 3, 4, 5, 6, 7, 8, 9, 100]), "tukey")') as number[];
    expect(scores[0]).toBeCloseTo((1 - 3.25) / 4.5, 9);
    expect(scores.slice(3, 7)).toEqual([0, 0, 0, 0]);
    expect(scores[9]).toBeCloseTo((100 - 7.75) / 4.5, 9);
    // ctukey's default fences are the 10th and 90th percentiles; an ignored value takes no part and scores 0.
    const custom = value(
      'series_outliers(dynamic([1, 2, 3, 4, 5, 6, 7, 8, 9, -1]), "ctukey", -1)',
    ) as number[];
    expect(custom[9]).toBe(0);
    expect(custom[4]).toBe(0);
  });

  it('series_fit_2lines finds the break of a series made of two lines', () => {
    const [rsquare, split] = run(
      engine,
      'print series_fit_2lines(dynamic([1, 2, 3, 4, 5, 20, 30, 40, 50, 60]))',
    ).rows[0] as number[];
    expect(rsquare).toBeCloseTo(1, 9);
    expect(split).toBe(5);
    const bag = value('series_fit_2lines_dynamic(dynamic([1, 2, 3, 4, 5, 20, 30, 40, 50, 60]))') as Record<
      string,
      number
    >;
    expect(bag).toMatchObject({ split_idx: 5, left_slope: 1, right_slope: 10, right_interception: -40 });
  });

  it('series_fit_poly fits a quadratic exactly, coefficients from the highest power', () => {
    const [rsquare, coefficients] = run(
      engine,
      'print series_fit_poly(dynamic([1, 4, 9, 16, 25]), dynamic([1, 2, 3, 4, 5]), int(2))',
    ).rows[0] as [number, number[]];
    expect(rsquare).toBeCloseTo(1, 9);
    expect(coefficients[0]).toBeCloseTo(1, 9);
    expect(coefficients[1]).toBeCloseTo(0, 9);
    expect(coefficients[2]).toBeCloseTo(0, 9);
  });

  it('series_periods_detect finds the period of a repeating series; validate scores given periods', () => {
    const series = 'dynamic([1, 5, 9, 5, 1, 5, 9, 5, 1, 5, 9, 5, 1, 5, 9, 5, 1, 5, 9, 5])';
    const [periods, scores] = run(engine, `print series_periods_detect(${series}, 2, 8, 2)`)
      .rows[0] as number[][];
    expect(periods![0]).toBe(4);
    expect(scores![0]).toBeCloseTo(1, 6);
    const [validated, validatedScores] = run(engine, `print series_periods_validate(${series}, 4, 3)`)
      .rows[0] as number[][];
    expect(validated).toEqual([4, 3]);
    expect(validatedScores![0]).toBeCloseTo(1, 6);
    expect(validatedScores![1]).toBe(0);
  });
});
