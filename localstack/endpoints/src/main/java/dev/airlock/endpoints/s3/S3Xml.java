package dev.airlock.endpoints.s3;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/** S3's XML: writing responses, and reading request bodies with DTDs and external entities off. */
final class S3Xml {

    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private S3Xml() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String element(String name, Object value) {
        return "<" + name + ">" + escape(String.valueOf(value)) + "</" + name + ">";
    }

    static String error(S3Exception e, String resource) {
        return DECLARATION + "<Error>" + element("Code", e.code()) + element("Message", e.getMessage())
                + element("Resource", resource) + "</Error>";
    }

    /** The root element of {@code body}, which must be named {@code rootName}. */
    static Element parse(byte[] body, String rootName) throws S3Exception {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new ByteArrayInputStream(body));
            Element root = document.getDocumentElement();
            if (!rootName.equals(root.getLocalName())) {
                throw S3Exception.malformedXml();
            }
            return root;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw S3Exception.malformedXml();
        }
    }

    static Optional<Element> child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    static Optional<String> childText(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim());
    }
}
