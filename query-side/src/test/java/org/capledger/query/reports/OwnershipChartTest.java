package org.capledger.query.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;
import org.capledger.ledger.CapTableCalculator;
import org.capledger.ledger.CapTableView;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The ownership chart: well-formed SVG, one slice per holder and the pool, names escaped, exact legend figures. */
class OwnershipChartTest {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theChartHasASliceAndALegendLinePerHolderAndThePool() throws Exception {
        String svg = OwnershipChart.svg(SampleCapTable.table());
        Document document = parse(svg);

        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(document.getElementsByTagName("path").getLength()).isEqualTo(5);
        assertThat(svg).contains("Fully diluted: 10,150,000.5 shares")
                .contains(">Ana Alves<").contains(">5,000,000 shares, 49.26%<")
                .contains(">Chloé Durand<").contains(">1,150,000.5 shares, 11.33%<")
                .contains(">Available for grant<").contains(">900,000 shares, 8.87%<")
                .contains(">=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)<")
                .doesNotContain("<script").doesNotContain("href");
        assertThat(OwnershipChart.svg(SampleCapTable.table())).isEqualTo(svg);
    }

    @Test
    void beyondNineHoldersTheSmallestShareOneSlice() throws Exception {
        StockClassId common = StockClassId.of("common");
        List<CapTableCalculator.HolderPosition> positions = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            positions.add(new CapTableCalculator.HolderPosition(StakeholderId.of("h" + i), "Holder " + i, common,
                    Quantity.of(1_000L * i)));
        }
        CapTableView table = CapTableCalculator.compute(IssuerId.of("acme"), "Acme <Corp>", null, null,
                List.of(new CapTableCalculator.ClassFigures(common, "Common", StockClassType.COMMON, Quantity.of(1),
                        Quantity.of(1_000_000), Quantity.of(78_000))), positions);

        List<OwnershipChart.Slice> slices = OwnershipChart.slices(table);
        String svg = OwnershipChart.svg(table);

        assertThat(slices).hasSize(10);
        assertThat(slices.get(0).name()).isEqualTo("Holder 12");
        assertThat(slices.get(9).name()).isEqualTo("3 other holders");
        assertThat(slices.get(9).shares()).isEqualByComparingTo("6000");
        assertThat(slices.stream().map(OwnershipChart.Slice::shares).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("78000");
        assertThat(parse(svg).getElementsByTagName("path").getLength()).isEqualTo(10);
        assertThat(svg).contains("Fully diluted ownership of Acme &lt;Corp&gt;");
    }

    @Test
    void aSingleOwnerFillsTheCircleAndAnEmptyTableSaysSo() throws Exception {
        StockClassId common = StockClassId.of("common");
        CapTableView alone = CapTableCalculator.compute(IssuerId.of("acme"), "Acme", null, null,
                List.of(new CapTableCalculator.ClassFigures(common, "Common", StockClassType.COMMON, Quantity.of(1),
                        Quantity.of(1_000), Quantity.of(100))),
                List.of(new CapTableCalculator.HolderPosition(StakeholderId.of("a"), "Ana", common, Quantity.of(100))));
        CapTableView empty = CapTableCalculator.compute(IssuerId.of("acme"), "Acme", null, null, List.of(), List.of());

        assertThat(parse(OwnershipChart.svg(alone)).getElementsByTagName("circle").getLength()).isEqualTo(1);
        assertThat(OwnershipChart.svg(alone)).contains(">Ana<").contains(">100 shares, 100.00%<");
        assertThat(OwnershipChart.svg(empty)).contains("No shares outstanding or reserved");
    }
}
