// Renders every chart on the page from the JSON configuration that the server wrote next to it:
//   <canvas data-chart="id" data-unit="percent" role="img" aria-label="..."></canvas>
//   <script type="application/json" id="id">{ Chart.js config }</script>
// No inline script is executed, so a Content Security Policy without 'unsafe-inline' holds. The layout loads this file
// and Chart.js only on pages with a chart (Dashboard/ChartCanvasTagHelper).
(function () {
    'use strict';
    if (typeof Chart === 'undefined') {
        return;
    }

    Chart.defaults.locale = 'nl-NL';
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = '#1b1b1b';
    Chart.defaults.animation = false;

    var nbsp = '\u00a0';

    // nl-NL numbers with the true minus sign (U+2212), as the pages write them.
    function number(value, minDigits, maxDigits) {
        return new Intl.NumberFormat('nl-NL', { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits })
            .format(value).replace('-', '\u2212');
    }

    function wholeOrOne(value) {
        return Math.round(value * 10) % 10 === 0 ? 0 : 1;
    }

    // Per unit (the canvas' data-unit): how a value reads in a tooltip and on an axis tick.
    // Tooltips follow the pages (DutchFormat.Value); ticks are short and carry the unit only where it fits.
    var units = {
        percent: { value: function (v) { return number(v, wholeOrOne(v), 1) + '%'; }, tick: function (v) { return number(v, 0, 1) + '%'; } },
        score: { value: function (v) { return number(v, 1, 1); }, tick: function (v) { return number(v, 1, 1); } },
        count: { value: function (v) { return number(v, 0, 0); }, tick: function (v) { return number(v, 0, 0); }, whole: true },
        euro: { value: function (v) { return '€' + nbsp + number(v, 0, 2); }, tick: function (v) { return '€' + nbsp + number(v, 0, 0); } },
        'euro-per-inhabitant': { value: function (v) { return '€' + nbsp + number(v, 2, 2) + ' per inwoner'; }, tick: function (v) { return '€' + nbsp + number(v, 0, 0); } },
        weeks: { value: function (v) { return number(v, wholeOrOne(v), 1) + (v === 1 ? ' week' : ' weken'); }, tick: function (v) { return number(v, 0, 1); } },
        days: { value: function (v) { return number(v, wholeOrOne(v), 1) + (v === 1 ? ' dag' : ' dagen'); }, tick: function (v) { return number(v, 0, 1); } },
        per10000: { value: function (v) { return number(v, wholeOrOne(v), 1) + ' per 10.000 inwoners'; }, tick: function (v) { return number(v, 0, 1); } },
    };

    // A line needs two positions on the x-axis: with one period, the datasets marked referenceLine (target, legal norm)
    // are drawn as horizontal lines across the whole chart area instead.
    var referenceLines = {
        id: 'referenceLines',
        afterDatasetsDraw: function (chart) {
            if ((chart.data.labels || []).length !== 1) {
                return;
            }

            var ctx = chart.ctx;
            var area = chart.chartArea;
            chart.data.datasets.forEach(function (dataset, i) {
                var value = dataset.referenceLine ? dataset.data[0] : null;
                if (value === null || value === undefined || !chart.isDatasetVisible(i)) {
                    return;
                }

                var y = chart.scales.y.getPixelForValue(value);
                ctx.save();
                ctx.strokeStyle = dataset.borderColor;
                ctx.lineWidth = dataset.borderWidth || 2;
                ctx.setLineDash(dataset.borderDash || []);
                ctx.beginPath();
                ctx.moveTo(area.left, y);
                ctx.lineTo(area.right, y);
                ctx.stroke();
                ctx.restore();
            });
        },
    };

    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var source = document.getElementById(canvas.getAttribute('data-chart'));
        if (!source) {
            return;
        }

        var config = JSON.parse(source.textContent);
        var options = config.options = config.options || {};
        options.responsive = true;
        options.maintainAspectRatio = false;
        if (canvas.hasAttribute('data-sparkline')) {
            options.plugins = { legend: { display: false }, tooltip: { enabled: false } };
            options.scales = { x: { display: false }, y: { display: false } };
            options.elements = { point: { radius: 0 } };
        }

        var unit = units[canvas.getAttribute('data-unit')];
        if (unit && !canvas.hasAttribute('data-sparkline')) {
            var valueAxis = options.indexAxis === 'y' ? 'x' : 'y';
            options.plugins = options.plugins || {};
            options.plugins.tooltip = options.plugins.tooltip || {};
            options.plugins.tooltip.callbacks = {
                label: function (ctx) {
                    var v = ctx.parsed[valueAxis];
                    return (ctx.dataset.label ? ctx.dataset.label + ': ' : '') + unit.value(v);
                }
            };
            options.scales = options.scales || {};
            var scale = options.scales[valueAxis] = options.scales[valueAxis] || {};
            scale.ticks = scale.ticks || {};
            scale.ticks.callback = function (v) { return unit.tick(v); };
            if (unit.whole) {
                scale.ticks.precision = 0;
            }
        }

        config.plugins = [referenceLines];
        new Chart(canvas, config);
    });
    // Printing (Ctrl+P) lays the page out at paper width: redraw every chart to its box then, and back afterwards.
    function resizeAll() {
        Object.values(Chart.instances).forEach(function (chart) { chart.resize(); });
    }
    window.addEventListener('beforeprint', resizeAll);
    window.addEventListener('afterprint', resizeAll);
    if (window.matchMedia) {
        window.matchMedia('print').addEventListener('change', resizeAll);
    }

    // Every chart is drawn (animation is off): the PDF printer of the council report waits for this mark.
    document.documentElement.dataset.chartsReady = 'true';
})();
