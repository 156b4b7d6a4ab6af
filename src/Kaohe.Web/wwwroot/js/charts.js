// Draws every element with a data-echart attribute (an ECharts option as JSON, written by _Chart.cshtml).
(function () {
  'use strict';
  var charts = [];
  document.querySelectorAll('[data-echart]').forEach(function (el) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(JSON.parse(el.getAttribute('data-echart')));
    el.setAttribute('data-echart-ready', 'true');
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
