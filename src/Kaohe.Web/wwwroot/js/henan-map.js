// Draws every element with a data-henan-map attribute (a MapSpec as JSON, written by _HenanMap.cshtml) on the
// county-level map of Henan. Units without a boundary of their own are markers within their city.
(function () {
  'use strict';
  var elements = document.querySelectorAll('[data-henan-map]');
  if (!elements.length) return;
  var province = [113.6, 33.9];

  function centres(geo) {
    var sums = {};
    geo.features.forEach(function (f) {
      var c = f.properties.city, p = f.properties.cp;
      if (!p) return;
      var s = sums[c] || (sums[c] = [0, 0, 0]);
      s[0] += p[0]; s[1] += p[1]; s[2] += 1;
    });
    var out = {};
    Object.keys(sums).forEach(function (c) { out[c] = [sums[c][0] / sums[c][2], sums[c][1] / sums[c][2]]; });
    return out;
  }

  function text(spec, value) {
    return value === null || value === undefined ? '无数据' : (spec.pieces ? label(spec, value) : value + spec.unit);
  }

  function label(spec, value) {
    var piece = spec.pieces.filter(function (p) { return p.value === value; })[0];
    return piece ? piece.label : String(value);
  }

  function option(spec, geo, cityCentres) {
    var onMap = {}, regions = [], markers = [], placed = {};
    geo.features.forEach(function (f) { onMap[f.properties.name] = true; });
    spec.areas.forEach(function (a) {
      var districts = a.districts.filter(function (d) { return onMap[d]; });
      districts.forEach(function (d) { regions.push({ name: d, value: a.value, unit: a.name, href: a.href }); });
      if (districts.length) return;
      // A marker on a small spiral around the city's centre, so several zones of one city do not overlap.
      var k = placed[a.city] = (placed[a.city] || 0) + 1, angle = k * 2.4, r = 0.07 * Math.sqrt(k);
      var c = cityCentres[a.city] || province;
      markers.push({ name: a.name, value: [c[0] + r * Math.cos(angle), c[1] + r * Math.sin(angle), a.value], unit: a.name, href: a.href });
    });
    var values = spec.areas.map(function (a) { return a.value; }).filter(function (v) { return v !== null && v !== undefined; });
    var ramp = ['#c0392b', '#f5d76e', '#27ae60'];
    var visualMap = spec.pieces
      ? { type: 'piecewise', pieces: spec.pieces.map(function (p) { return { value: p.value, label: p.label, color: p.color }; }), left: 10, bottom: 10, seriesIndex: [0, 1] }
      : { type: 'continuous', min: values.length ? Math.min.apply(null, values) : 0, max: values.length ? Math.max.apply(null, values) : 100,
          text: ['高', '低'], calculable: true, left: 10, bottom: 10, dimension: 2, seriesIndex: [0, 1],
          inRange: { color: spec.higherIsBetter ? ramp : ramp.slice().reverse() } };
    if (!spec.pieces) visualMap = [Object.assign({}, visualMap, { seriesIndex: 0, dimension: undefined }), Object.assign({}, visualMap, { seriesIndex: 1, show: false })];
    return {
      title: { text: spec.title, left: 'center', textStyle: { fontSize: 15 } },
      tooltip: { trigger: 'item', formatter: function (p) {
        var d = p.data || {}, v = Array.isArray(d.value) ? d.value[2] : d.value;
        return (d.unit || p.name) + (d.unit && d.unit !== p.name ? '（' + p.name + '）' : '') + '<br>' + spec.metric + '：' + text(spec, v);
      } },
      visualMap: visualMap,
      geo: { map: 'henan', roam: true, label: { show: false }, itemStyle: { areaColor: '#eeeeee', borderColor: '#999999' },
             emphasis: { label: { show: true } } },
      series: [
        { type: 'map', geoIndex: 0, data: regions },
        { type: 'scatter', coordinateSystem: 'geo', symbolSize: 9, data: markers, itemStyle: { borderColor: '#333333', borderWidth: 1 } },
      ],
    };
  }

  fetch(elements[0].getAttribute('data-geo')).then(function (r) { return r.json(); }).then(function (geo) {
    echarts.registerMap('henan', geo);
    var cityCentres = centres(geo), charts = [];
    elements.forEach(function (el) {
      var spec = JSON.parse(el.getAttribute('data-henan-map'));
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(option(spec, geo, cityCentres));
      chart.on('click', function (p) { if (p.data && p.data.href) window.location.href = p.data.href; });
      el.setAttribute('data-echart-ready', 'true');
      charts.push(chart);
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  });
})();
