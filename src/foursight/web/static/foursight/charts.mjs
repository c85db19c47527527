// Draw each [data-chart] from the JSON beside it. The same figures are always in a table too.
const palette = ['#1d70b8', '#00703c', '#d4351c', '#f47738', '#4c2c92', '#28a197']

for (const box of document.querySelectorAll('[data-chart]')) {
  const source = document.getElementById(`chart-${box.dataset.chart}`)
  if (!source || !window.Chart) continue
  const data = JSON.parse(source.textContent)
  data.datasets.forEach((set, i) => { set.backgroundColor = palette[i % palette.length] })
  const stacked = box.dataset.chartStacked === 'true'
  // eslint-disable-next-line no-new
  new window.Chart(box.querySelector('canvas'), {
    type: box.dataset.chartType || 'bar',
    data,
    options: {
      indexAxis: box.dataset.chartHorizontal === 'true' ? 'y' : 'x',
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { stacked }, y: { stacked, beginAtZero: true } },
      plugins: { legend: { position: 'bottom' } }
    }
  })
}
