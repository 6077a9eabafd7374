import { describe, expect, it } from 'vitest';
// Load the catalog first: the library modules are registered by functions.ts, which they import helpers from.
import { FUNCTIONS } from './index';
import { type CallContext } from './helpers';

const context: CallContext = { argTypes: [], resultType: 'real', nowTicks: 0n };
const call = (name: string, ...args: unknown[]) => FUNCTIONS[name]!(args, context);

const centralPark = {
  type: 'Polygon',
  coordinates: [
    [
      [-73.9495, 40.7969],
      [-73.95807266235352, 40.80068603561921],
      [-73.98201942443848, 40.76825672305777],
      [-73.97317886352539, 40.76455136505513],
      [-73.9495, 40.7969],
    ],
  ],
};
const degenerate = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [10, 10],
      [10, 10],
      [0, 0],
    ],
  ],
};

describe('geo measurements (docs examples, sphere of radius 6,371,010 m)', () => {
  it('geo_distance_2points', () => {
    expect(call('geo_distance_2points', -122.407628, 47.578557, -118.275287, 34.019056)).toBeCloseTo(
      1546754.35197381,
      6,
    );
    expect(call('geo_distance_2points', 300, 1, 1, 1)).toBeNull();
  });

  it('geo_point_in_circle', () => {
    expect(call('geo_point_in_circle', -122.143564, 47.535677, -122.100896, 47.527351, 3500)).toBe(true);
    expect(call('geo_point_in_circle', -122.137575, 47.630683, -122.100896, 47.527351, 3500)).toBe(false);
    expect(call('geo_point_in_circle', 200, 1, 1, 1, 1)).toBeNull();
    expect(call('geo_point_in_circle', 1, 1, 1, 1, -1)).toBeNull();
  });

  it('geo_polygon_area, perimeter and centroid', () => {
    expect(call('geo_polygon_area', centralPark)).toBeCloseTo(3475207.28346606, 5);
    expect(call('geo_polygon_perimeter', centralPark)).toBeCloseTo(9930.30149604938, 7);
    const centroid = call('geo_polygon_centroid', centralPark) as { coordinates: number[] };
    expect(centroid.coordinates[0]).toBeCloseTo(-73.96573568990762, 12);
    expect(centroid.coordinates[1]).toBeCloseTo(40.78255053805781, 12);
    expect(call('geo_polygon_area', degenerate)).toBeNull();
    expect(call('geo_polygon_centroid', JSON.stringify(centralPark))).toEqual(centroid);
  });

  it('measures a MultiPolygon as the union of its polygons (docs example)', () => {
    const other = [
      [
        [-73.94262313842773, 40.775991804565585],
        [-73.98107528686523, 40.791849155467695],
        [-73.99600982666016, 40.77092185281977],
        [-73.96150588989258, 40.75609977566361],
        [-73.94262313842773, 40.775991804565585],
      ],
    ];
    const overlapping = { type: 'MultiPolygon', coordinates: [centralPark.coordinates, other] };
    expect(call('geo_polygon_area', overlapping)).toBeCloseTo(10889971.5343487, 2);
    expect(call('geo_polygon_perimeter', overlapping)).toBeCloseTo(15943.5384578745, 6);
    const triangle = [
      [
        [0, 0],
        [1, 0],
        [0, 1],
        [0, 0],
      ],
    ];
    const apart = { type: 'MultiPolygon', coordinates: [centralPark.coordinates, triangle] };
    const triangleArea = call('geo_polygon_area', { type: 'Polygon', coordinates: triangle }) as number;
    expect(call('geo_polygon_area', apart)).toBeCloseTo(
      (call('geo_polygon_area', centralPark) as number) + triangleArea,
      3,
    );
  });

  it('refuses to measure polygons whose boundaries overlap along a stretch', () => {
    const same = { type: 'MultiPolygon', coordinates: [centralPark.coordinates, centralPark.coordinates] };
    expect(() => call('geo_polygon_area', same)).toThrow(/not supported yet/);
  });

  it('geo_point_in_polygon and geo_distance_point_to_polygon', () => {
    expect(call('geo_point_in_polygon', -73.9655, 40.7825, centralPark)).toBe(true);
    expect(call('geo_point_in_polygon', -73.874367, 40.777356, centralPark)).toBe(false);
    expect(call('geo_point_in_polygon', 200, 1, centralPark)).toBeNull();
    expect(call('geo_point_in_polygon', 1, 1, degenerate)).toBeNull();
    expect(call('geo_distance_point_to_polygon', -73.9839, 40.7705, centralPark)).toBeCloseTo(
      259.940756070596,
      6,
    );
    expect(call('geo_distance_point_to_polygon', -73.9655, 40.7825, centralPark)).toBe(0);
  });

  it('geo_line_length, geo_line_centroid and geo_distance_point_to_line', () => {
    const line = {
      type: 'LineString',
      coordinates: [
        [-73.95807266235352, 40.800426144169315],
        [-73.94966125488281, 40.79691751000055],
        [-73.97317886352539, 40.764486356930334],
      ],
    };
    expect(call('geo_line_length', line)).toBeCloseTo(4922.48016992081, 6);
    expect(call('geo_line_length', { type: 'LineString', coordinates: [[1, 1]] })).toBeNull();
    const centroid = call('geo_line_centroid', {
      type: 'LineString',
      coordinates: [
        [-73.95796, 40.80042],
        [-73.97317, 40.764486],
      ],
    }) as { coordinates: number[] };
    expect(centroid.coordinates[0]).toBeCloseTo(-73.96556705723094, 12);
    expect(centroid.coordinates[1]).toBeCloseTo(40.782453249627416, 12);
    const route = {
      type: 'LineString',
      coordinates: [
        [-115.115385, 36.229195],
        [-115.136995, 36.200366],
        [-115.14025, 36.19247],
        [-115.143558, 36.188523],
        [-115.144076, 36.181954],
        [-115.154662, 36.174483],
        [-115.166431, 36.176388],
        [-115.183289, 36.175007],
        [-115.192612, 36.176736],
        [-115.202485, 36.173439],
        [-115.225355, 36.174365],
      ],
    };
    expect(call('geo_distance_point_to_line', -115.199625, 36.210419, route)).toBeCloseTo(
      3797.88887253334,
      6,
    );
    expect(call('geo_distance_point_to_line', 1, 1, { type: 'LineString' })).toBeNull();
  });

  it('geo_azimuth and geo_angle', () => {
    expect(((call('geo_azimuth', 5, 10, 10, -40) as number) * 180) / Math.PI).toBeCloseTo(
      175.015653606568,
      9,
    );
    expect(call('geo_angle', 0, 10, 0, 5, 3, -10)).toBeCloseTo(2.94493843406882, 12);
  });

  it('geo_intersects_2lines, geo_intersects_2polygons and geo_intersects_line_with_polygon', () => {
    const line1 = {
      type: 'LineString',
      coordinates: [
        [-73.978929, 40.785155],
        [-73.980903, 40.782621],
      ],
    };
    const line2 = {
      type: 'LineString',
      coordinates: [
        [-73.985195, 40.788275],
        [-73.974552, 40.779761],
      ],
    };
    const apart = {
      type: 'LineString',
      coordinates: [
        [-73.9, 40.9],
        [-73.8, 40.95],
      ],
    };
    expect(call('geo_intersects_2lines', line1, line2)).toBe(true);
    expect(call('geo_intersects_2lines', line1, apart)).toBe(false);
    const touching = {
      type: 'LineString',
      coordinates: [
        [-73.980903, 40.782621],
        [-73.99, 40.77],
      ],
    };
    expect(call('geo_intersects_2lines', line1, touching)).toBe(true);
    expect(
      call('geo_intersects_2lines', line1, { type: 'LineString', coordinates: [[-73.985195, 40.788275]] }),
    ).toBeNull();
    const triangle = {
      type: 'Polygon',
      coordinates: [
        [
          [-73.9712905883789, 40.78580561168767],
          [-73.98004531860352, 40.775276834803655],
          [-73.97000312805176, 40.77852663535664],
          [-73.9712905883789, 40.78580561168767],
        ],
      ],
    };
    expect(call('geo_intersects_line_with_polygon', line2, triangle)).toBe(true);
    expect(call('geo_intersects_line_with_polygon', apart, triangle)).toBe(false);
    expect(call('geo_intersects_2polygons', triangle, centralPark)).toBe(true);
    expect(call('geo_intersects_2polygons', { type: 'Polygon' }, centralPark)).toBeNull();
  });

  it('geo_polygon_densify and geo_line_densify halve planar edges until they lie within the tolerance', () => {
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [10, 10],
          [11, 10],
          [11, 11],
          [10, 11],
          [10, 10],
        ],
      ],
    };
    expect(call('geo_polygon_densify', square)).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [10, 10],
          [10.25, 10],
          [10.5, 10],
          [10.75, 10],
          [11, 10],
          [11, 11],
          [10.75, 11],
          [10.5, 11],
          [10.25, 11],
          [10, 11],
          [10, 10],
        ],
      ],
    });
    expect(call('geo_polygon_densify', square, 0)).toBeNull();
    expect(
      call('geo_polygon_densify', {
        type: 'Polygon',
        coordinates: [
          [
            [10, 900],
            [11, 10],
            [11, 11],
            [10, 11],
            [10, 10],
          ],
        ],
      }),
    ).toBeNull();
    const short = {
      type: 'LineString',
      coordinates: [
        [-73.949247, 40.79686],
        [-73.973017, 40.764323],
      ],
    };
    expect(call('geo_line_densify', short)).toEqual(short);
    expect(
      call('geo_line_densify', {
        type: 'LineString',
        coordinates: [
          [300, 1],
          [1, 1],
        ],
      }),
    ).toBeNull();
    expect(
      call(
        'geo_line_densify',
        {
          type: 'LineString',
          coordinates: [
            [1, 1],
            [2, 2],
          ],
        },
        0,
      ),
    ).toBeNull();
  });

  it('geo_intersection_2lines returns the crossing point (docs example)', () => {
    const line1 = {
      type: 'LineString',
      coordinates: [
        [-73.978929, 40.785155],
        [-73.980903, 40.782621],
      ],
    };
    const line2 = {
      type: 'LineString',
      coordinates: [
        [-73.985195, 40.788275],
        [-73.974552, 40.779761],
      ],
    };
    const point = call('geo_intersection_2lines', line1, line2) as { type: string; coordinates: number[] };
    expect(point.type).toBe('Point');
    expect(point.coordinates[0]).toBeCloseTo(-73.97983711667098, 9);
    expect(point.coordinates[1]).toBeCloseTo(40.783989289772165, 9);
    const apart = {
      type: 'LineString',
      coordinates: [
        [-73.9, 40.9],
        [-73.8, 40.95],
      ],
    };
    expect(call('geo_intersection_2lines', line1, apart)).toEqual({
      type: 'GeometryCollection',
      geometries: [],
    });
    expect(call('geo_intersection_2lines', line1, { type: 'LineString', coordinates: [[3, 3]] })).toBeNull();
  });

  it('geo_intersection_2lines of a line with itself is that line (docs example)', () => {
    const line = {
      type: 'LineString',
      coordinates: [
        [-73.978929, 40.785155],
        [-73.980903, 40.782621],
      ],
    };
    expect(call('geo_intersection_2lines', line, line)).toEqual(line);
  });

  it('geo_intersection_2lines gives the stretch two lines share, joined across their vertices', () => {
    const meridian = (from: number, to: number) => ({
      type: 'LineString',
      coordinates: [
        [0, from],
        [0, to],
      ],
    });
    const shared = call('geo_intersection_2lines', meridian(0, 10), meridian(5, 20)) as {
      type: string;
      coordinates: number[][];
    };
    expect(shared.type).toBe('LineString');
    expect(shared.coordinates).toHaveLength(2);
    expect(shared.coordinates[0]![1]).toBeCloseTo(5, 12);
    expect(shared.coordinates[1]).toEqual([0, 10]);
    // A line of two edges along the meridian shares one stretch with a single edge covering both.
    const twoEdges = {
      type: 'LineString',
      coordinates: [
        [0, 0],
        [0, 4],
        [0, 8],
      ],
    };
    const joined = call('geo_intersection_2lines', twoEdges, meridian(-5, 20)) as {
      type: string;
      coordinates: number[][];
    };
    expect(joined.type).toBe('LineString');
    expect(joined.coordinates.map(([lng, lat]) => [lng, Number(lat!.toFixed(9))])).toEqual([
      [0, 0],
      [0, 4],
      [0, 8],
    ]);
    // Lines that only continue each other meet at one point.
    expect(call('geo_intersection_2lines', meridian(0, 10), meridian(10, 20))).toEqual({
      type: 'Point',
      coordinates: [0, 10],
    });
  });

  it('geo_intersection_2lines returns a shared stretch and a separate crossing together', () => {
    const first = {
      type: 'MultiLineString',
      coordinates: [
        [
          [0, 0],
          [0, 10],
        ],
        [
          [-1, 20],
          [1, 20],
        ],
      ],
    };
    const second = {
      type: 'LineString',
      coordinates: [
        [0, 5],
        [0, 25],
      ],
    };
    const result = call('geo_intersection_2lines', first, second) as {
      type: string;
      geometries: { type: string; coordinates: unknown }[];
    };
    expect(result.type).toBe('GeometryCollection');
    expect(result.geometries.map((g) => g.type)).toEqual(['LineString', 'Point']);
    const crossing = result.geometries[1]!.coordinates as number[];
    expect(crossing[0]).toBeCloseTo(0, 12);
    // The geodesic from (-1, 20) to (1, 20) bulges towards the pole: it crosses the meridian a little north of 20.
    expect(crossing[1]).toBeGreaterThan(20);
    expect(crossing[1]).toBeLessThan(20.01);
  });

  it('geo_intersection_line_with_polygon clips the line, holes included (docs examples)', () => {
    const line = {
      type: 'LineString',
      coordinates: [
        [-110.522, 39.198],
        [-91.428, 40.88],
      ],
    };
    const withHole = {
      type: 'Polygon',
      coordinates: [
        [
          [-90.263, 36.738],
          [-102.041, 45.274],
          [-109.335, 36.527],
          [-90.263, 36.738],
        ],
        [
          [-100.393, 41.705],
          [-103.139, 38.925],
          [-97.558, 39.113],
          [-100.393, 41.705],
        ],
      ],
    };
    const clipped = call('geo_intersection_line_with_polygon', line, withHole) as {
      type: string;
      coordinates: number[][][];
    };
    expect(clipped.type).toBe('MultiLineString');
    const expected = [
      [
        [-106.89353655881905, 39.769226209776306],
        [-101.74448553679453, 40.373506008712525],
      ],
      [
        [-99.13649943132886, 40.589336512699994],
        [-95.28452773731179, 40.79906024224635],
      ],
    ];
    clipped.coordinates.forEach((piece, i) =>
      piece.forEach((point, j) => {
        expect(point[0]).toBeCloseTo(expected[i]![j]![0]!, 9);
        expect(point[1]).toBeCloseTo(expected[i]![j]![1]!, 9);
      }),
    );
    expect(
      call(
        'geo_intersection_line_with_polygon',
        {
          type: 'LineString',
          coordinates: [
            [1, 1],
            [2, 2],
          ],
        },
        centralPark,
      ),
    ).toEqual({
      type: 'GeometryCollection',
      geometries: [],
    });
  });

  it('geo_line_simplify and geo_polygon_simplify keep input vertices within the tolerance (docs examples)', () => {
    const line = {
      type: 'LineString',
      coordinates: [
        [-73.97033169865608, 40.789063020152824],
        [-73.97039607167244, 40.78897975920816],
        [-73.9704617857933, 40.78888837512432],
        [-73.97052884101868, 40.7887949601531],
        [-73.9706052839756, 40.788698498903564],
        [-73.97065222263336, 40.78862640672032],
        [-73.97072866559029, 40.78852791445617],
        [-73.97079303860664, 40.788434498977836],
      ],
    };
    expect(call('geo_line_simplify', line, 10)).toEqual({
      type: 'LineString',
      coordinates: [
        [-73.97033169865608, 40.789063020152824],
        [-73.97079303860664, 40.788434498977836],
      ],
    });
    expect(call('geo_line_simplify', line, 0)).toEqual(line);
    expect(
      call(
        'geo_line_simplify',
        {
          type: 'LineString',
          coordinates: [
            [1, 1],
            [2, 2],
          ],
        },
        -1,
      ),
    ).toBeNull();
    expect(
      call(
        'geo_line_simplify',
        {
          type: 'LineString',
          coordinates: [
            [1.1, 1.1],
            [1.2, 1.2],
          ],
        },
        100000,
      ),
    ).toBeNull();
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [-73.94885122776031, 40.79673476355657],
          [-73.94885927438736, 40.79692258628347],
          [-73.94887939095497, 40.79692055577034],
          [-73.9488673210144, 40.79693476936093],
          [-73.94888743758202, 40.79693476936093],
          [-73.9488834142685, 40.796959135509105],
          [-73.94890084862709, 40.79695304397289],
          [-73.94906312227248, 40.79710736271788],
          [-73.94923612475395, 40.7968708081794],
          [-73.94885122776031, 40.79673476355657],
        ],
      ],
    };
    expect(call('geo_polygon_simplify', polygon)).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [-73.94885122776031, 40.79673476355657],
          [-73.94906312227248, 40.79710736271788],
          [-73.94923612475395, 40.7968708081794],
          [-73.94885122776031, 40.79673476355657],
        ],
      ],
    });
    const big = {
      type: 'Polygon',
      coordinates: [
        [
          [5, 48],
          [0, 50],
          [0, 47],
          [4, 47],
          [5, 48],
        ],
      ],
    };
    expect(call('geo_polygon_simplify', big, -0.1)).toBeNull();
    expect(call('geo_polygon_simplify', big, 1000000)).toBeNull();
    expect(
      call('geo_polygon_simplify', {
        type: 'Polygon',
        coordinates: [
          [
            [5, 48],
            [5, 48],
          ],
        ],
      }),
    ).toBeNull();
  });

  it('geo_union_polygons_array joins overlapping polygons into one ring (docs example)', () => {
    const first = {
      type: 'Polygon',
      coordinates: [
        [
          [-73.9495, 40.7969],
          [-73.95807, 40.80068],
          [-73.98201, 40.76825],
          [-73.97317, 40.76455],
          [-73.9495, 40.7969],
        ],
      ],
    };
    const second = {
      type: 'Polygon',
      coordinates: [
        [
          [-73.94622, 40.79249],
          [-73.96888, 40.79282],
          [-73.9577, 40.7789],
          [-73.94622, 40.79249],
        ],
      ],
    };
    const union = call('geo_union_polygons_array', [first, second]) as {
      type: string;
      coordinates: number[][][];
    };
    expect(union.type).toBe('Polygon');
    const expected = [
      [-73.9495, 40.7969],
      [-73.95807, 40.80068],
      [-73.9639277517478, 40.792748258673875],
      [-73.96888, 40.79281999999999],
      [-73.9662719791645, 40.7895734224338],
      [-73.98201, 40.76825],
      [-73.97317, 40.76455],
      [-73.96030238370618, 40.782140794645024],
      [-73.9577, 40.7789],
      [-73.94622, 40.79249],
      [-73.9526593223173, 40.79258422771647],
      [-73.9495, 40.7969],
    ];
    expect(union.coordinates[0]).toHaveLength(expected.length);
    union.coordinates[0]!.forEach((point, i) => {
      expect(point[0]).toBeCloseTo(expected[i]![0]!, 9);
      expect(point[1]).toBeCloseTo(expected[i]![1]!, 9);
    });
    expect(
      call('geo_union_polygons_array', [first, { type: 'Polygon', coordinates: [[[-73.94622, 40.79249]]] }]),
    ).toBeNull();
  });

  it('geo_intersection_2polygons returns the shared area, touching points, or nothing (docs examples)', () => {
    const a = {
      type: 'Polygon',
      coordinates: [
        [
          [2, 45],
          [0, 45],
          [1, 44],
          [2, 45],
        ],
      ],
    };
    expect(
      call('geo_intersection_2polygons', a, {
        type: 'Polygon',
        coordinates: [
          [
            [3, 44],
            [2, 45],
            [2, 43],
            [3, 44],
          ],
        ],
      }),
    ).toEqual({
      type: 'Point',
      coordinates: [expect.closeTo(2, 12), expect.closeTo(45, 12)],
    });
    expect(
      call('geo_intersection_2polygons', a, {
        type: 'Polygon',
        coordinates: [
          [
            [3, 44],
            [3, 45],
            [2, 43],
            [3, 44],
          ],
        ],
      }),
    ).toEqual({
      type: 'GeometryCollection',
      geometries: [],
    });
    const both = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [3, 44],
            [2, 45],
            [2, 43],
            [3, 44],
          ],
        ],
        [
          [
            [1.192, 45.265],
            [1.005, 44.943],
            [1.356, 44.937],
            [1.192, 45.265],
          ],
        ],
      ],
    };
    const mixed = call('geo_intersection_2polygons', a, both) as {
      type: string;
      geometries: { type: string; coordinates: number[][][] }[];
    };
    expect(mixed.type).toBe('GeometryCollection');
    expect(mixed.geometries.map((g) => g.type)).toEqual(['Point', 'Polygon']);
    expect(mixed.geometries[1]!.coordinates[0]![0]![0]).toBeCloseTo(1.3227075526410679, 9);
    expect(
      call('geo_intersects_2polygons', a, {
        type: 'Polygon',
        coordinates: [
          [
            [3, 44],
            [2, 45],
            [2, 43],
            [3, 44],
          ],
        ],
      }),
    ).toBe(true);
  });

  it('geo_simplify_polygons_array unions then simplifies (docs examples)', () => {
    const polygons = [
      {
        type: 'Polygon',
        coordinates: [
          [
            [-73.9495, 40.7969],
            [-73.95807, 40.80068],
            [-73.98201, 40.76825],
            [-73.97317, 40.76455],
            [-73.9495, 40.7969],
          ],
        ],
      },
      {
        type: 'Polygon',
        coordinates: [
          [
            [-73.94622, 40.79249],
            [-73.96888, 40.79282],
            [-73.9577, 40.7789],
            [-73.94622, 40.79249],
          ],
        ],
      },
      {
        type: 'Polygon',
        coordinates: [
          [
            [-73.97335, 40.77274],
            [-73.9936, 40.7663],
            [-73.97171, 40.75655],
            [-73.97335, 40.77274],
          ],
        ],
      },
    ];
    const result = call('geo_simplify_polygons_array', polygons) as { type: string };
    expect(result.type).toBe('Polygon');
    expect(call('geo_polygon_area', result)).toBeCloseTo(
      call('geo_polygon_area', call('geo_union_polygons_array', polygons)) as number,
      -3,
    );
    expect(call('geo_simplify_polygons_array', polygons, 10000)).toBeNull();
    expect(
      call('geo_simplify_polygons_array', [
        polygons[0],
        { type: 'Polygon', coordinates: [[[-73.94622, 40.79249]]] },
      ]),
    ).toBeNull();
  });

  it('geo_union_lines_array merges overlapping lines into one (docs example)', () => {
    const a = [-73.95683884620665, 40.80502891480884];
    const b = [-73.95633727312088, 40.8057171711177];
    const c = [-73.95489156246185, 40.80510200431311];
    const d = [-73.95537436008453, 40.804413741624515];
    const union = call('geo_union_lines_array', [
      { type: 'LineString', coordinates: [a, b, c] },
      { type: 'LineString', coordinates: [b, c, d] },
      { type: 'LineString', coordinates: [b, c] },
    ]) as { type: string; coordinates: number[][] };
    expect(union.type).toBe('LineString');
    const expected = [a, b, c, d];
    expect(union.coordinates).toHaveLength(4);
    union.coordinates.forEach((point, i) => {
      expect(point[0]).toBeCloseTo(expected[i]![0]!, 9);
      expect(point[1]).toBeCloseTo(expected[i]![1]!, 9);
    });
    expect(
      call('geo_union_lines_array', [
        { type: 'LineString', coordinates: [a, b] },
        { type: 'LineString', coordinates: [[1, 1]] },
      ]),
    ).toBeNull();
  });
});
