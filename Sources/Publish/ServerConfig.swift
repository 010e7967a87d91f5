/// Server configurations for the built site, generated from nianbao.yaml: dual-stack (IPv6 and
/// IPv4) listeners, HTTPS with HTTP redirected, HTTP/2, UTF-8, the media types of
/// `ContentType`, the cache policy, the security headers, compression, the custom 404 page, and
/// the site under its sub-path. The `deploy/` folder itself is never served.
public enum ServerConfig {
    /// Where the administrator copies Output/ on the server.
    public static let documentRoot = "/var/www/nianbao"
    static let certificate = "/etc/ssl/nianbao/fullchain.pem"
    static let certificateKey = "/etc/ssl/nianbao/privkey.pem"

    public static func nginx(_ site: DeploymentSite) -> String {
        let base = site.basePath
        let headers = SecurityHeaders.all.map { "    add_header \($0.name) \"\($0.value)\" always;" }.joined(separator: "\n")
        let inner = SecurityHeaders.all.map { "        add_header \($0.name) \"\($0.value)\" always;" }.joined(separator: "\n")
        func typed(_ pattern: String, _ type: String, cache: String) -> String {
            """
                location ~ "^\(base)(.+\\.\(pattern))$" {
                    alias \(documentRoot)/$1;
                    types { }
                    default_type "\(type)";
                    add_header Cache-Control "\(cache)" always;
            \(inner)
                }
            """
        }
        let redirect = base == "/" ? "" : "\n    location = / { return 302 \(base); }"
        return """
            # nianbao 生成的 nginx 配置（server 块）。放入 /etc/nginx/conf.d/ 或 sites-enabled/，
            # 把 Output/ 的内容复制到 \(documentRoot)/，替换证书路径后执行 nginx -t && nginx -s reload。
            # 双栈：每个端口同时监听 IPv4（0.0.0.0）和 IPv6（[::]，ipv6only=on），两者分开声明。

            server {
                listen 80;
                listen [::]:80 ipv6only=on;
                server_name \(site.domain);
                return 301 https://$host$request_uri;
            }

            server {
                listen 443 ssl http2;
                listen [::]:443 ssl http2 ipv6only=on;
                server_name \(site.domain);

                ssl_certificate     \(certificate);
                ssl_certificate_key \(certificateKey);
                ssl_protocols TLSv1.2 TLSv1.3;

                charset utf-8;
                charset_types text/css text/javascript application/javascript application/json text/csv application/xml application/atom+xml text/plain;
                gzip on;
                gzip_vary on;
                gzip_min_length 1024;
                gzip_types text/css text/javascript application/javascript application/json text/csv application/xml application/atom+xml image/svg+xml text/plain;

            \(headers)
                server_tokens off;\(redirect)

                # The deployment metadata stays on the server.
                location ^~ \(base)deploy/ { return 404; }

            \(typed("[0-9a-f]{8}\\.css", "text/css; charset=utf-8", cache: CachePolicy.fingerprinted))
            \(typed("[0-9a-f]{8}\\.js", "text/javascript; charset=utf-8", cache: CachePolicy.fingerprinted))
            \(typed("csv", "text/csv; charset=utf-8", cache: CachePolicy.data))
            \(typed("json", "application/json; charset=utf-8", cache: CachePolicy.data))
            \(typed("pdf", "application/pdf", cache: CachePolicy.data))
            \(typed("xml", "application/xml; charset=utf-8", cache: CachePolicy.data))

                location = \(base)feed.xml {
                    alias \(documentRoot)/feed.xml;
                    types { }
                    default_type "application/atom+xml; charset=utf-8";
                    add_header Cache-Control "\(CachePolicy.data)" always;
            \(inner)
                }

                location \(base) {
                    alias \(documentRoot)/;
                    index index.html;
                    try_files $uri $uri/ =404;
                    add_header Cache-Control "\(CachePolicy.html)" always;
            \(inner)
                }

                error_page 404 \(base)404.html;
                location = \(base)404.html {
                    alias \(documentRoot)/404.html;
                    internal;
                    add_header Cache-Control "\(CachePolicy.html)" always;
            \(inner)
                }
            }

            """
    }

    public static func apache(_ site: DeploymentSite) -> String {
        let base = site.basePath
        let headers = SecurityHeaders.all.map { "    Header always set \($0.name) \"\($0.value)\"" }.joined(separator: "\n")
        let alias = base == "/" ? "" : "    Alias \(base) \(documentRoot)/\n    RedirectMatch 302 ^/$ \(base)\n"
        let types = ContentType.byExtension.map { "    AddType \"\($0.type.replacingOccurrences(of: "; charset=utf-8", with: ""))\" .\($0.extension)" }
            .joined(separator: "\n")
        return """
            # nianbao 生成的 Apache 配置（虚拟主机）。需要模块：ssl http2 headers deflate alias rewrite mime。
            # 放入 /etc/apache2/sites-available/ 后 a2ensite，并执行 apache2ctl -t && systemctl reload apache2。
            # 双栈：Listen 80 和 Listen 443 在 Debian 上同时接受 IPv4 和 IPv6 连接。

            <VirtualHost *:80>
                ServerName \(site.domain)
                RewriteEngine On
                RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R=301,L]
            </VirtualHost>

            <VirtualHost *:443>
                ServerName \(site.domain)
                Protocols h2 http/1.1
                SSLEngine on
                SSLCertificateFile \(certificate)
                SSLCertificateKeyFile \(certificateKey)
                SSLProtocol -all +TLSv1.2 +TLSv1.3

                DocumentRoot \(documentRoot)
            \(alias)    AddDefaultCharset utf-8
            \(types)
                AddType "application/atom+xml" .atom
                <Files "feed.xml">
                    ForceType "application/atom+xml; charset=utf-8"
                </Files>
                AddOutputFilterByType DEFLATE text/html text/css text/javascript application/json text/csv application/xml application/atom+xml image/svg+xml text/plain

            \(headers)
                Header always set Cache-Control "\(CachePolicy.html)"
                <FilesMatch "\(CachePolicy.fingerprintPattern)">
                    Header always set Cache-Control "\(CachePolicy.fingerprinted)"
                </FilesMatch>
                <FilesMatch "\\.(csv|json|pdf|xml)$">
                    Header always set Cache-Control "\(CachePolicy.data)"
                </FilesMatch>
                <Directory \(documentRoot)>
                    Options -Indexes -FollowSymLinks
                    AllowOverride None
                    Require all granted
                    DirectoryIndex index.html
                </Directory>
                <Directory \(documentRoot)/deploy>
                    Require all denied
                </Directory>
                ErrorDocument 404 \(base)404.html
            </VirtualHost>

            """
    }

    /// `deploy/README.md`: for the web administrator, in Chinese.
    public static func readme(_ site: DeploymentSite) -> String {
        """
        # 部署说明（由 nianbao 生成）

        本文件夹是 \(site.name)（\(site.domain)）“政府信息公开年报”栏目的部署资料，随每次 `nianbao build` 重新生成，请勿手工修改。

        ## 文件

        - `manifest.json`：全部发布文件的清单，含大小、SHA-256 和媒体类型，可用于核对上传是否完整：`sha256sum` 的结果应与清单一致。
        - `nginx.conf`：nginx 的 server 配置。
        - `apache.conf`：Apache 的虚拟主机配置。

        两份配置都：同时监听 IPv4 和 IPv6；HTTP 自动跳转 HTTPS，启用 HTTP/2；文字类文件声明 UTF-8；为 .json、.csv、.pdf、.xml 设置正确的类型；带指纹的样式和脚本长期缓存，网页每次校验；加上 Content-Security-Policy、X-Content-Type-Options、Referrer-Policy、HSTS 等安全头；启用压缩；使用自定义 404 页面；栏目位于 `\(site.basePath)` 下；不对外提供本 `deploy/` 文件夹。

        ## 安装步骤

        1. 把 `Output/` 中除 `deploy/` 以外的全部内容复制到服务器的 `\(documentRoot)/`（例如 `rsync -a --delete --exclude deploy/ Output/ 服务器:\(documentRoot)/`）。
        2. 准备 HTTPS 证书，放在 `\(certificate)` 和 `\(certificateKey)`，或修改配置中的路径。
        3. nginx：把 `nginx.conf` 放入 `/etc/nginx/conf.d/\(site.domain).conf`，执行 `nginx -t`，通过后 `nginx -s reload`。
           Apache：把 `apache.conf` 放入 `/etc/apache2/sites-available/\(site.domain).conf`，执行 `a2enmod ssl http2 headers deflate rewrite && a2ensite \(site.domain)`，再 `apache2ctl -t` 和 `systemctl reload apache2`。
        4. 核对：`curl -6 -I https://\(site.domain)\(site.basePath)` 和 `curl -4 -I https://\(site.domain)\(site.basePath)` 都应返回 200。

        ## 域名解析（IPv6）

        按照《推进互联网协议第六版（IPv6）规模部署行动计划》，政府网站须支持 IPv6 访问。域名 `\(site.domain)` 需要同时有：

        - A 记录：服务器的 IPv4 地址；
        - AAAA 记录：服务器的 IPv6 地址。

        发布后可用 `nianbao audit-ipv6 https://\(site.domain)\(site.basePath)` 按首页、二级、三级链接检查 IPv6 支持率。
        """ + "\n"
    }
}
