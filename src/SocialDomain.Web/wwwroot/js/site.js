// Renders every chart on the page from the JSON configuration that the server wrote next to it:
//   <canvas data-chart="id" role="img" aria-label="..."></canvas>
//   <script type="application/json" id="id">{ Chart.js config }</script>
// No inline script is executed, so a Content Security Policy without 'unsafe-inline' holds.
(function () {
    'use strict';
    if (typeof Chart === 'undefined') {
        return;
    }

    Chart.defaults.locale = 'nl-NL';
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = '#1b1b1b';
    Chart.defaults.animation = false;

    var euro = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

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

        var unit = canvas.getAttribute('data-unit');
        if (unit) {
            options.plugins = options.plugins || {};
            options.plugins.tooltip = options.plugins.tooltip || {};
            options.plugins.tooltip.callbacks = {
                label: function (ctx) {
                    var v = ctx.parsed.y !== undefined && ctx.chart.config.options.indexAxis !== 'y' ? ctx.parsed.y : ctx.parsed.x;
                    return (ctx.dataset.label ? ctx.dataset.label + ': ' : '') + euro.format(v) + unit;
                }
            };
        }

        new Chart(canvas, config);
    });
})();
